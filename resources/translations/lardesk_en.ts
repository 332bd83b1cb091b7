<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="sv">
<context>
    <name>DeferredActionsStep</name>
    <message>
        <source>Vad kan göras till nästa år?</source>
        <translation>What can be done by next year?</translation>
    </message>
</context>
<context>
    <name>ImprovementsEditor</name>
    <message>
        <source>Ny åtgärd</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Ta bort åtgärd</source>
        <translation>Remove action</translation>
    </message>
    <message>
        <source>Åtgärd</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Klart senast (ÅÅÅÅ-MM-DD)</source>
        <translation>Due date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort åtgärden</source>
        <translation>Remove the action</translation>
    </message>
    <message>
        <source>Inga åtgärder ännu.</source>
        <translation>No actions yet.</translation>
    </message>
    <message>
        <source>Ny åtgärd – skriv och tryck Enter</source>
        <translation>New action – type and press Enter</translation>
    </message>
    <message>
        <source>Ny förbättringsåtgärd</source>
        <translation>New improvement action</translation>
    </message>
    <message>
        <source>Ansvarig för den nya åtgärden</source>
        <translation>Owner of the new action</translation>
    </message>
    <message>
        <source>Klart senast för den nya åtgärden (ÅÅÅÅ-MM-DD)</source>
        <translation>Due date of the new action (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Lägg till åtgärden</source>
        <translation>Add the action</translation>
    </message>
    <message>
        <source>Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-31.</source>
        <translation>Enter the date as YYYY-MM-DD, e.g. 2027-03-31.</translation>
    </message>
    <message>
        <source>Ändra åtgärd</source>
        <translation>Edit action</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ta bort uppföljning</source>
        <translation>Delete session</translation>
    </message>
    <message>
        <source>Importera uppföljning</source>
        <translation>Import session</translation>
    </message>
    <message>
        <source>Exportera uppföljning</source>
        <translation>Export session</translation>
    </message>
    <message>
        <source>lardesk – lärande uppföljning</source>
        <translation>lardesk – learning follow-up</translation>
    </message>
    <message>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>organisation, enhet, period, samtalsledare …</source>
        <translation>organisation, unit, period, facilitator …</translation>
    </message>
    <message>
        <source>Sök bland uppföljningarna</source>
        <translation>Search the sessions</translation>
    </message>
    <message>
        <source>Organisation / uppföljning</source>
        <translation>Organisation / session</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Samtalsledare</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Organisationer och uppföljningar</source>
        <translation>Organisations and sessions</translation>
    </message>
    <message>
        <source>Inga uppföljningar ännu. Skapa en ny med Ctrl+N eller importera en fil med Ctrl+I.</source>
        <translation>No sessions yet. Create one with Ctrl+N or import a file with Ctrl+I.</translation>
    </message>
    <message>
        <source>&amp;Ny uppföljning…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <source>Ö&amp;ppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Duplicera som nästa år</source>
        <translation>D&amp;uplicate as next year</translation>
    </message>
    <message>
        <source>&amp;Importera…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Ta bort…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Sök</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Protokoll (PDF/Word)…</source>
        <translation>Minutes (PDF/Word)…</translation>
    </message>
    <message>
        <source>Blanketter för utskrift…</source>
        <translation>Forms for printing…</translation>
    </message>
    <message>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Inställningar</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Språk / Language</source>
        <translation>&amp;Language / Språk</translation>
    </message>
    <message>
        <source>Verktyg</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>%1 deltagare</source>
        <translation>%1 participants</translation>
    </message>
    <message>
        <source>Importerad: %1</source>
        <translation>Imported: %1</translation>
    </message>
    <message>
        <source>Exporterad: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>Ta bort uppföljningen %1 den %2 med alla anteckningar och bedömningar? Det går inte att ångra.</source>
        <translation>Delete the session of %1 on %2 with all its notes and ratings? This cannot be undone.</translation>
    </message>
    <message>
        <source>Öppna uppföljningar byter språk när de öppnas nästa gång.</source>
        <translation>Open sessions change language when they are opened next time.</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>Ny uppföljning</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>t.ex. Exempelkommunen</source>
        <translation>e.g. Exempelkommunen</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>förvaltning, enhet, skola … (frivilligt)</source>
        <translation>department, unit, school … (optional)</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Period som följs upp</source>
        <translation>Period followed up</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>frivilligt</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Samtalsledare</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Frågeguidens språk</source>
        <translation>Language of the question guide</translation>
    </message>
    <message>
        <source>Svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <source>Engelska</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Anonymitet</source>
        <translation>Anonymity</translation>
    </message>
    <message>
        <source>Namn sparas, bedömningar visas utan namn</source>
        <translation>Names kept, ratings shown without names</translation>
    </message>
    <message>
        <source>Öppet: namn visas vid bedömningarna</source>
        <translation>Open: names shown with the ratings</translation>
    </message>
    <message>
        <source>Anonymt: inga namn sparas alls</source>
        <translation>Anonymous: no names stored at all</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Samtalsledare:</source>
        <translation>&amp;Facilitator:</translation>
    </message>
    <message>
        <source>Frågeguidens &amp;språk:</source>
        <translation>&amp;Language of the guide:</translation>
    </message>
    <message>
        <source>&amp;Anonymitet:</source>
        <translation>&amp;Anonymity:</translation>
    </message>
    <message>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Namn (frivilligt)</source>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Lägg till deltagare</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>Ta bort markerad</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Ta bort markerad deltagare</source>
        <translation>Remove the selected participant</translation>
    </message>
    <message>
        <source>Fortsätt från förra årets uppföljning</source>
        <translation>Continue from last year's session</translation>
    </message>
    <message>
        <source>Förra årets förbättringsåtgärder</source>
        <translation>Last year's improvement actions</translation>
    </message>
    <message>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Kön, deltagare %1</source>
        <translation>Gender, participant %1</translation>
    </message>
    <message>
        <source>Ej angivet</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Kvinna</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Förra uppföljningen (%1, %2) blir utgångspunkt: dess programlogik följer med, aktiviteterna som planerade och resultat och effekter som förväntade. Vad sa vi förra året?</source>
        <translation>The previous session (%1, %2) becomes the starting point: its program logic comes along, activities as planned and results and effects as expected. What did we say last year?</translation>
    </message>
    <message>
        <source>(inga förbättringsåtgärder antecknades)</source>
        <translation>(no improvement actions were noted)</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kön</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Närvarande</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Lägg till deltagare</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <source>Ta bort markerad</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Ta bort markerad deltagare</source>
        <translation>Remove the selected participant</translation>
    </message>
    <message>
        <source>Anonym uppföljning: inga namn sparas.</source>
        <translation>Anonymous session: no names are stored.</translation>
    </message>
    <message>
        <source>Ej angivet</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Kvinna</source>
        <translation>Woman</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Har redan bedömningar: markera som frånvarande i stället.</source>
        <translation>Already has ratings: mark as absent instead.</translation>
    </message>
</context>
<context>
    <name>PartsStep</name>
    <message>
        <source>Kom överens om vilka delar ni följer upp i dag. Samlad bedömning (9) ingår alltid. Sessionen går sedan igenom de valda avsnitten i frågeguidens ordning.</source>
        <translation>Agree on the parts you follow up today. The overall assessment (9) is always included. The session then walks through the chosen sections in the guide's order.</translation>
    </message>
    <message>
        <source>Om uppföljningen</source>
        <translation>About the session</translation>
    </message>
    <message>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Samtalsledare:</source>
        <translation>&amp;Facilitator:</translation>
    </message>
    <message>
        <source>D&amp;iarienummer:</source>
        <translation>&amp;Case number:</translation>
    </message>
    <message>
        <source>för protokollet (frivilligt)</source>
        <translation>for the minutes (optional)</translation>
    </message>
    <message>
        <source>Ta med avsnitt %1</source>
        <translation>Include section %1</translation>
    </message>
    <message>
        <source>Samlad bedömning ingår alltid.</source>
        <translation>The overall assessment is always included.</translation>
    </message>
    <message>
        <source>Ta alla ”Vad kan göras …?” i ett eget steg i slutet</source>
        <translation>Take all “What can be done …?” in a step of their own at the end</translation>
    </message>
    <message>
        <source>Skjut upp alla förbättringsåtgärder till ett steg i slutet</source>
        <translation>Defer all improvement actions to one step at the end</translation>
    </message>
    <message>
        <source>Vad kan göras för att ni ska få ett högre värde nästa år?</source>
        <translation>What can be done to score higher next year?</translation>
    </message>
    <message>
        <source>Deltagare i dag</source>
        <translation>Participants today</translation>
    </message>
    <message>
        <source>Vad sa vi förra året? Förra årets förbättringsåtgärder</source>
        <translation>What did we say last year? Last year's improvement actions</translation>
    </message>
    <message>
        <source>Förra årets förbättringsåtgärder</source>
        <translation>Last year's improvement actions</translation>
    </message>
    <message>
        <source>Överenskommelse om delar</source>
        <translation>Agreeing on the parts</translation>
    </message>
    <message>
        <source>Ändra delar</source>
        <translation>Change parts</translation>
    </message>
    <message>
        <source>Skjut upp åtgärder</source>
        <translation>Defer actions</translation>
    </message>
    <message>
        <source>Ändra uppgifter</source>
        <translation>Edit details</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>lardesk – projektor</source>
        <translation>lardesk – projector</translation>
    </message>
    <message>
        <source>Projektorvy</source>
        <translation>Projector view</translation>
    </message>
</context>
<context>
    <name>ReflectionTimer</name>
    <message>
        <source>Betänketid</source>
        <translation>Reflection time</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Betänketid i minuter</source>
        <translation>Reflection time in minutes</translation>
    </message>
    <message>
        <source>Återstående betänketid</source>
        <translation>Reflection time left</translation>
    </message>
    <message>
        <source>Starta eller pausa betänketiden</source>
        <translation>Start or pause the reflection time</translation>
    </message>
    <message>
        <source>Nollställ</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Nollställ betänketiden</source>
        <translation>Reset the reflection time</translation>
    </message>
    <message>
        <source>Tiden är ute</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <source>Pausa</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Starta</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>SectionStep</name>
    <message>
        <source>Övriga anteckningar om avsnittet</source>
        <translation>Other notes on the section</translation>
    </message>
    <message>
        <source>Var och en sätter sitt värde (1–10) i steget för bedömningarna.</source>
        <translation>Everyone gives their value (1–10) in the ratings step.</translation>
    </message>
    <message>
        <source>Ni tar förbättringsåtgärderna i ett eget steg i slutet.</source>
        <translation>You take the improvement actions in a step of their own at the end.</translation>
    </message>
    <message>
        <source>Anteckningar till fråga %1</source>
        <translation>Notes on question %1</translation>
    </message>
    <message>
        <source>Anteckningar…</source>
        <translation>Notes…</translation>
    </message>
    <message>
        <source>Anteckning %1.%2</source>
        <translation>Note %1.%2</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>%1 – %2 – lardesk</source>
        <translation>%1 – %2 – lardesk</translation>
    </message>
    <message>
        <source>Hur långt sessionen har kommit</source>
        <translation>How far the session has come</translation>
    </message>
    <message>
        <source>Sessionens steg</source>
        <translation>The session's steps</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>◀ Föregående</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Föregående steg</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Nästa ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Nästa steg</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Projektor</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>Visa eller dölj projektorvyn</source>
        <translation>Show or hide the projector view</translation>
    </message>
    <message>
        <source>Allt du skriver sparas direkt.</source>
        <translation>Everything you type is saved at once.</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>Protokoll (PDF/Word)…</source>
        <translation>Minutes (PDF/Word)…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Gå till</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Välj steg i listan</source>
        <translation>Choose a step in the list</translation>
    </message>
    <message>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Starta/pausa betänketid</source>
        <translation>Start/pause reflection time</translation>
    </message>
    <message>
        <source>Nollställ betänketid</source>
        <translation>Reset reflection time</translation>
    </message>
    <message>
        <source>Visa/dölj projektorvyn</source>
        <translation>Show/hide the projector view</translation>
    </message>
    <message>
        <source>Projektorvyn i helskärm</source>
        <translation>Projector view full screen</translation>
    </message>
    <message>
        <source>%1 åtg.</source>
        <translation>%1 act.</translation>
    </message>
    <message>
        <source>Steg %1 av %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Sparat %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Protokollet finns inte i den här versionen.</source>
        <translation>The minutes are not in this version.</translation>
    </message>
</context>
</TS>