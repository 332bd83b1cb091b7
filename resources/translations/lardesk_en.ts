<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="sv">
<context>
    <name>ActionReview</name>
    <message>
        <source>Status för åtgärden: {0}</source>
        <translation>Status of the action: {0}</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Kommentar till åtgärden: {0}</source>
        <translation>Comment on the action: {0}</translation>
    </message>
    <message>
        <source>Datum för statusen</source>
        <translation>Date of the status</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Öppen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Genomförd</source>
        <translation>Implemented</translation>
    </message>
    <message>
        <source>Delvis genomförd</source>
        <translation>Partly implemented</translation>
    </message>
    <message>
        <source>Inte genomförd</source>
        <translation>Not implemented</translation>
    </message>
    <message>
        <source>Struken</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>inget</source>
        <translation>none</translation>
    </message>
    <message>
        <source>försenad</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Organisation – enhet</source>
        <translation>Organisation – unit</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Skala</source>
        <translation>Scale</translation>
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
        <source>Klart senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Status satt</source>
        <translation>Status set</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>A&amp;nsvarig:</source>
        <translation>O&amp;wner:</translation>
    </message>
    <message>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Bara &amp;försenade</source>
        <translation>&amp;Overdue only</translation>
    </message>
    <message>
        <source>Skriv &amp;halvårsuppföljning…</source>
        <translation>Print the &amp;half-year checkpoint…</translation>
    </message>
    <message>
        <source>Skriv ut åtgärderna för halvårsuppföljningen (PDF)</source>
        <translation>Print the actions for the half-year checkpoint (PDF)</translation>
    </message>
    <message>
        <source>Åtgärder i alla enheter</source>
        <translation>Actions of all units</translation>
    </message>
    <message>
        <source>Sätt status med tangenterna 1 Öppen, 2 Pågår, 3 Genomförd, 4 Delvis genomförd, 5 Inte genomförd, 6 Struken — eller F2 för en lista. F2 på en kommentar skriver den.</source>
        <translation>Set the status with the keys 1 Open, 2 In progress, 3 Done, 4 Partly done, 5 Not done, 6 Dropped — or F2 for a list. F2 on a comment edits it.</translation>
    </message>
    <message>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Öppna och pågående</source>
        <translation>Open and in progress</translation>
    </message>
    <message>
        <source>Alla ansvariga</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>Alla enheter</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>halvårsuppföljning.pdf</source>
        <translation>half-year-checkpoint.pdf</translation>
    </message>
</context>
<context>
    <name>Anonymity</name>
    <message>
        <source>Anonymt: inga namn sparas alls</source>
        <translation>Anonymous: no names stored at all</translation>
    </message>
    <message>
        <source>Namn sparas, bedömningar visas utan namn</source>
        <translation>Names kept, ratings shown without names</translation>
    </message>
    <message>
        <source>Öppet: namn visas vid bedömningarna</source>
        <translation>Open: names shown with the ratings</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Detaljerna finns i {file}.</source>
        <translation>The details are in {file}.</translation>
    </message>
    <message>
        <source>Ett oväntat fel inträffade: {error}

Det du har skrivit är redan sparat. Starta om lardesk om något ser fel ut.</source>
        <translation>An unexpected error occurred: {error}

Everything you have typed is already saved. Restart lardesk if something looks wrong.</translation>
    </message>
</context>
<context>
    <name>BoardHistory</name>
    <message>
        <source>Ny punkt</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>Ändra punkt</source>
        <translation>Edit item</translation>
    </message>
    <message>
        <source>Flytta punkt</source>
        <translation>Move item</translation>
    </message>
    <message>
        <source>Ta bort punkt</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Stryk punkt</source>
        <translation>Drop item</translation>
    </message>
    <message>
        <source>Återställ punkt</source>
        <translation>Restore item</translation>
    </message>
    <message>
        <source>Koppla</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Ta bort koppling</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>Ändra indikatorer</source>
        <translation>Change indicators</translation>
    </message>
</context>
<context>
    <name>BoardScene</name>
    <message>
        <source>Klicka för att lägga till en punkt i kolumnen</source>
        <translation>Click to add an item to the column</translation>
    </message>
</context>
<context>
    <name>BoardStep</name>
    <message>
        <source>Typ av punkt</source>
        <translation>Type of item</translation>
    </message>
    <message>
        <source>Ny punkt: skriv texten och tryck Enter</source>
        <translation>New item: type the text and press Enter</translation>
    </message>
    <message>
        <source>Text för ny punkt</source>
        <translation>Text of the new item</translation>
    </message>
    <message>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Spara PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>Spara SVG…</source>
        <translation>Save SVG…</translation>
    </message>
    <message>
        <source>Mindre (Ctrl+−)</source>
        <translation>Smaller (Ctrl+−)</translation>
    </message>
    <message>
        <source>Större (Ctrl++)</source>
        <translation>Larger (Ctrl++)</translation>
    </message>
    <message>
        <source>Zooma ut tavlan</source>
        <translation>Zoom the board out</translation>
    </message>
    <message>
        <source>Zooma in tavlan</source>
        <translation>Zoom the board in</translation>
    </message>
    <message>
        <source>Ny:</source>
        <translation>New:</translation>
    </message>
    <message>
        <source>Punkt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Indikatorer (I)</source>
        <translation>Indicators (I)</translation>
    </message>
    <message>
        <source>Programlogik</source>
        <translation>Program logic</translation>
    </message>
    <message>
        <source>Hur gick det? (planerat och genomfört)</source>
        <translation>How did it go? (planned and implemented)</translation>
    </message>
    <message>
        <source>Tavlan är tom. Börja till höger, med de förväntade effekterna: välj typ av punkt, skriv texten i fältet ovan och tryck Enter (eller klicka i en kolumn). Koppla sedan punkterna till varandra.</source>
        <translation>The board is empty. Start on the right, with the expected effects: choose the type of item, type its text in the field above and press Enter (or click in a column). Then link the items to each other.</translation>
    </message>
    <message>
        <source>Frågan för kolumnen</source>
        <translation>The question for the column</translation>
    </message>
    <message>
        <source>Projektorn: större</source>
        <translation>Projector: larger</translation>
    </message>
    <message>
        <source>Projektorn: mindre</source>
        <translation>Projector: smaller</translation>
    </message>
    <message>
        <source>Projektorn: hela tavlan</source>
        <translation>Projector: the whole board</translation>
    </message>
    <message>
        <source>Projektorn: vänster</source>
        <translation>Projector: left</translation>
    </message>
    <message>
        <source>Projektorn: höger</source>
        <translation>Projector: right</translation>
    </message>
    <message>
        <source>Projektorn: upp</source>
        <translation>Projector: up</translation>
    </message>
    <message>
        <source>Projektorn: ned</source>
        <translation>Projector: down</translation>
    </message>
    <message>
        <source>Projektorn</source>
        <translation>Projector</translation>
    </message>
    <message>
        <source>Zooma och flytta tavlan på projektorn (Ctrl+Skift + plus, minus, 0, pilar)</source>
        <translation>Zoom and move the board on the projector (Ctrl+Shift + plus, minus, 0, arrows)</translation>
    </message>
    <message>
        <source>Stryk punkten</source>
        <translation>Drop the item</translation>
    </message>
    <message>
        <source>Varför stryks ”{0}”? (visas på tavlan och i minnesanteckningarna)</source>
        <translation>Why is “{0}” dropped? (shown on the board and in the minutes)</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Ta bort ”{0}” och dess kopplingar?</source>
        <translation>Remove “{0}” and its links?</translation>
    </message>
    <message>
        <source>De här två punkterna kan inte kopplas till varandra.</source>
        <translation>These two items cannot be linked to each other.</translation>
    </message>
    <message>
        <source>Spara tavlan</source>
        <translation>Save the board</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Programlogik</source>
        <translation>Program logic</translation>
    </message>
    <message>
        <source>Redigera texten</source>
        <translation>Edit the text</translation>
    </message>
</context>
<context>
    <name>ConfirmOpenness</name>
    <message>
        <source>Öppet läge visar namnen vid bedömningarna, i tabellen och i spridningen. Är alla i gruppen överens om det?</source>
        <translation>Open mode shows the names with the ratings, in the table and in the spread. Does everyone in the group agree?</translation>
    </message>
    <message>
        <source>Med det här läget kan deltagarnas namn sparas i uppföljningen. Är alla i gruppen överens om det?</source>
        <translation>In this mode the participants&apos; names can be stored in the session. Does everyone in the group agree?</translation>
    </message>
    <message>
        <source>Öppnare läge</source>
        <translation>A more open mode</translation>
    </message>
</context>
<context>
    <name>DeferredActionsStep</name>
    <message>
        <source>Vad kan göras till nästa år?</source>
        <translation>What can be done by next year?</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Hur gick det? Planerat och genomfört</source>
        <translation>How did it go? Planned and implemented</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Luckor och statusiakttagelser</source>
        <translation>Gaps and status findings</translation>
    </message>
    <message>
        <source>Inga punkter på tavlan ännu. När ni lägger till punkter och kopplar dem visas luckorna här, till exempel en aktivitet som inte leder till något resultat.</source>
        <translation>No items on the board yet. When you add items and link them, the gaps are listed here, for example an activity that leads to no result.</translation>
    </message>
    <message>
        <source>Luckor</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <source>Statusiakttagelser</source>
        <translation>Status findings</translation>
    </message>
    <message>
        <source>Indikatorer ({0})</source>
        <translation>Indicators ({0})</translation>
    </message>
</context>
<context>
    <name>FormEntry</name>
    <message>
        <source>1 = {low} · 10 = {high} · Avstå: skriv -</source>
        <translation>1 = {low} · 10 = {high} · To abstain: type -</translation>
    </message>
    <message>
        <source>Skala {number} {label}</source>
        <translation>Scale {number} {label}</translation>
    </message>
    <message>
        <source>1 = {low}, 10 = {high}; - = avstår</source>
        <translation>1 = {low}, 10 = {high}; - = abstain</translation>
    </message>
    <message>
        <source>bedömt, dolt tills värdena visas</source>
        <translation>rated, hidden until the values are shown</translation>
    </message>
</context>
<context>
    <name>Gender</name>
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
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Historik per skala</source>
        <translation>History per scale</translation>
    </message>
    <message>
        <source>Den här uppföljningens värden visas efter Visa värdena (F8); tills dess bara hur många som har bedömt.</source>
        <translation>This follow-up&apos;s values appear after Show the values (F8); until then only how many have rated.</translation>
    </message>
    <message>
        <source>%1 av %2 har bedömt</source>
        <translation>%1 of %2 have rated</translation>
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
    <name>IndicatorCanvas</name>
    <message>
        <source>Diagram över indikatorn</source>
        <translation>Chart of the indicator</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Vad mäts</source>
        <translation>What is measured</translation>
    </message>
    <message>
        <source>Till exempel: andel av bidraget som går till flickor</source>
        <translation>For example: share of the grant that goes to girls</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Ta bort indikatorn</source>
        <translation>Remove the indicator</translation>
    </message>
    <message>
        <source>Sorts värde</source>
        <translation>Kind of figures</translation>
    </message>
    <message>
        <source>Utgångsvärde</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Mätvärde</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>2013</source>
        <translation>2013</translation>
    </message>
    <message>
        <source>Kvinnor</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>Män</source>
        <translation>Men</translation>
    </message>
    <message>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kommentar till värdet</source>
        <translation>Comment on the figures</translation>
    </message>
    <message>
        <source>Kommentar (valfri)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>Spara värdena (Enter)</source>
        <translation>Save the figures (Enter)</translation>
    </message>
    <message>
        <source>Värden per period</source>
        <translation>Figures per period</translation>
    </message>
    <message>
        <source>Kv − män</source>
        <translation>W − M</translation>
    </message>
    <message>
        <source>Enter: ändra värdena · Delete: ta bort raden</source>
        <translation>Enter: change the figures · Delete: remove the line</translation>
    </message>
    <message>
        <source>Vad värdena säger</source>
        <translation>What the figures say</translation>
    </message>
    <message>
        <source>Välj ett resultat, en effekt eller en utgångspunkt för att se dess indikatorer.</source>
        <translation>Choose a result, an effect or a starting point to see its indicators.</translation>
    </message>
    <message>
        <source>Indikatorer – {0}</source>
        <translation>Indicators – {0}</translation>
    </message>
    <message>
        <source>＋ Ny indikator</source>
        <translation>＋ New indicator</translation>
    </message>
    <message>
        <source>utgångsvärde</source>
        <translation>baseline</translation>
    </message>
    <message>
        <source>mål</source>
        <translation>target</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Typ av utgångspunkt</source>
        <translation>Type of starting point</translation>
    </message>
    <message>
        <source>Förra uppföljningen</source>
        <translation>Last follow-up</translation>
    </message>
    <message>
        <source>Utfall</source>
        <translation>Actual outcome</translation>
    </message>
    <message>
        <source>Leder till</source>
        <translation>Leads to</translation>
    </message>
    <message>
        <source>▲ Upp</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>▼ Ned</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Stryk…</source>
        <translation>Drop…</translation>
    </message>
    <message>
        <source>Stryk punkten med en motivering: den står kvar, gråad, men räknas inte i luckorna</source>
        <translation>Drop the item with a reason: it stays, greyed, but does not count in the gaps</translation>
    </message>
    <message>
        <source>Flytta upp i kolumnen (Ctrl+Upp)</source>
        <translation>Move up in the column (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Flytta ned i kolumnen (Ctrl+Ned)</source>
        <translation>Move down in the column (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Ta bort punkten och dess kopplingar (Delete)</source>
        <translation>Remove the item and its links (Delete)</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Välj en punkt på tavlan (klicka eller använd piltangenterna).</source>
        <translation>Choose an item on the board (click or use the arrow keys).</translation>
    </message>
    <message>
        <source>Återställ</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Den här sortens punkt leder inte vidare; koppla till den från punkterna till vänster om den.</source>
        <translation>This kind of item leads nowhere further; link to it from the items to its left.</translation>
    </message>
    <message>
        <source>Svarar mot – {0} (L, sedan Blanksteg för att koppla):</source>
        <translation>Answers to – {0} (L, then Space to link):</translation>
    </message>
    <message>
        <source>Leder till – {0} (L, sedan Blanksteg för att koppla):</source>
        <translation>Leads to – {0} (L, then Space to link):</translation>
    </message>
</context>
<context>
    <name>JointEditor</name>
    <message>
        <source>Samlad bedömning, skala {number}</source>
        <translation>Overall assessment, scale {number}</translation>
    </message>
    <message>
        <source>Kommentar (krävs när värdet ligger utanför spridningen)</source>
        <translation>Comment (required when the value lies outside the spread)</translation>
    </message>
    <message>
        <source>Kommentar, skala {number}</source>
        <translation>Comment, scale {number}</translation>
    </message>
    <message>
        <source>Spridning och median visas efter Visa värdena (F8). Tills dess syns bara hur många som har bedömt.</source>
        <translation>The spread and the median appear after Show the values (F8). Until then only how many have rated is shown.</translation>
    </message>
    <message>
        <source>%1 av %2 har bedömt</source>
        <translation>%1 of %2 have rated</translation>
    </message>
    <message>
        <source>Kommentar krävs: {value} ligger utanför de enskilda bedömningarna ({minimum}–{maximum}). Värdet är sparat; skriv varför.</source>
        <translation>Comment needed: {value} lies outside the individual ratings ({minimum}–{maximum}). The value is saved; write why.</translation>
    </message>
    <message>
        <source>Gruppen enas om var verksamheten står, minst på skala 9. Ligger det samlade värdet utanför spridningen (lägsta–högsta individuella värde) ska kommentaren säga varför.</source>
        <translation>The group agrees on where the organisation stands, at least on scale 9. If the overall value lies outside the spread (lowest–highest individual value), the comment should say why.</translation>
    </message>
    <message>
        <source>spridning {minimum}–{maximum}, median {median}</source>
        <translation>spread {minimum}–{maximum}, median {median}</translation>
    </message>
    <message>
        <source>inga värden</source>
        <translation>no values</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Svenska</source>
        <translation>Swedish</translation>
    </message>
    <message>
        <source>Engelska</source>
        <translation>English</translation>
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
        <source>Öppnar databasen …</source>
        <translation>Opening the database …</translation>
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
    <message numerus="yes">
        <source>%n deltagare</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
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
        <source>Minnesanteckningar (PDF/Word)…</source>
        <translation>Minutes (PDF/Word)…</translation>
    </message>
    <message>
        <source>Blanketter för utskrift…</source>
        <translation>Forms for printing…</translation>
    </message>
    <message>
        <source>Ö&amp;versikt och åtgärder…</source>
        <translation>O&amp;verview and actions…</translation>
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
        <source>Ingen uppföljning matchar ”%1”. Sök på organisation, enhet, period eller samtalsledare.</source>
        <translation>No session matches “%1”. Search by organisation, unit, period or facilitator.</translation>
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
    <name>MinutesDialog</name>
    <message>
        <source>Åtgärder utan ansvarig: {owners}, utan datum: {dates}. Minnesanteckningarna skriver ”Ansvarig saknas” och ”Datum saknas” där; fyll i dem i samtalet först om ni vill.</source>
        <translation>Actions without anyone responsible: {owners}, without a date: {dates}. The minutes will say “No one responsible” and “No date” there; fill them in during the session first if you wish.</translation>
    </message>
    <message>
        <source>Minnesanteckningar</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>t.ex. KS 2024/123</source>
        <translation>e.g. KS 2024/123</translation>
    </message>
    <message>
        <source>Diarienummer</source>
        <translation>Case registration number</translation>
    </message>
    <message>
        <source>Bild av programlogiken</source>
        <translation>Picture of the program logic</translation>
    </message>
    <message>
        <source>Spridningen av de personliga bedömningarna</source>
        <translation>The spread of the personal assessments</translation>
    </message>
    <message>
        <source>Dnr</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Ta med</source>
        <translation>Include</translation>
    </message>
    <message>
        <source>Förhandsgranskning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Spara som PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Spara som Word (DOCX)…</source>
        <translation>Save as Word (DOCX)…</translation>
    </message>
    <message>
        <source>Åtgärder som saknar uppgifter</source>
        <translation>Actions with missing details</translation>
    </message>
    <message>
        <source>Spara minnesanteckningar</source>
        <translation>Save the minutes</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas: {error}</source>
        <translation>The file could not be saved: {error}</translation>
    </message>
    <message>
        <source>Sparad: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Blanketter</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Ingen (tomma blanketter)</source>
        <translation>None (blank forms)</translation>
    </message>
    <message>
        <source>Personlig bedömning (bilaga 2)</source>
        <translation>Personal assessment (appendix 2)</translation>
    </message>
    <message>
        <source>Programlogik, arbetsunderlag i A3 (bilaga 1)</source>
        <translation>Program logic, A3 worksheet (appendix 1)</translation>
    </message>
    <message>
        <source>Fyll i arbetsunderlaget med uppföljningens programlogik</source>
        <translation>Fill in the worksheet with the session&apos;s program logic</translation>
    </message>
    <message>
        <source>en per deltagare</source>
        <translation>one per participant</translation>
    </message>
    <message>
        <source>Antal exemplar</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Spara blanketter</source>
        <translation>Save the forms</translation>
    </message>
    <message>
        <source>Blanketter.pdf</source>
        <translation>Forms.pdf</translation>
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
        <translation>Language of the guide</translation>
    </message>
    <message>
        <source>Anonymitet</source>
        <translation>Anonymity</translation>
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
        <source>Enter: nästa rad (en ny rad efter den sista)</source>
        <translation>Enter: next row (a new row after the last)</translation>
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
        <source>Ta med deltagarna från föregående uppföljning</source>
        <translation>Bring the participants of the previous follow-up</translation>
    </message>
    <message>
        <source>Fortsätt från föregående uppföljning</source>
        <translation>Continue from the previous follow-up</translation>
    </message>
    <message>
        <source>Förbättringsåtgärder från föregående uppföljning</source>
        <translation>Improvement actions of the previous follow-up</translation>
    </message>
    <message>
        <source>Oförutsedda resultat och effekter förra gången – kryssa för dem som ska bli nya utgångspunkter (Blanksteg), hoppa över resten:</source>
        <translation>Unexpected results and effects last time – tick those that become new starting points (Space), skip the rest:</translation>
    </message>
    <message>
        <source>Oförutsedda resultat och effekter som nya utgångspunkter</source>
        <translation>Unexpected results and effects as new starting points</translation>
    </message>
    <message>
        <source>Ta med deltagarna från föregående uppföljning (%1)</source>
        <translation>Bring the participants of the previous follow-up (%1)</translation>
    </message>
    <message>
        <source>Förra uppföljningen (%1, %2) blir utgångspunkt: dess programlogik följer med, aktiviteterna som planerade och resultat och effekter som förväntade, med förra uppföljningens status bredvid. Vad sa vi förra gången?</source>
        <translation>The last follow-up (%1, %2) becomes the starting point: its program logic comes along, activities as planned and results and effects as expected, with the last follow-up&apos;s status beside them. What did we say last time?</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Effekt</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Skapa</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Skapa uppföljningen (Ctrl+Enter)</source>
        <translation>Create the session (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Kön, deltagare %1</source>
        <translation>Gender, participant %1</translation>
    </message>
    <message>
        <source>(inga förbättringsåtgärder antecknades)</source>
        <translation>(no improvement actions were noted)</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>Senaste %1, föregående %2</source>
        <translation>Latest %1, previous %2</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>md %1</source>
        <translation>md %1</translation>
    </message>
    <message>
        <source>Skala %1 %2</source>
        <translation>Scale %1 %2</translation>
    </message>
    <message>
        <source>ingen samlad bedömning</source>
        <translation>no overall assessment</translation>
    </message>
    <message>
        <source>samlad bedömning %1</source>
        <translation>overall assessment %1</translation>
    </message>
    <message>
        <source>föregående %1 (%2)</source>
        <translation>previous %1 (%2)</translation>
    </message>
    <message>
        <source>median %1</source>
        <translation>median %1</translation>
    </message>
    <message>
        <source>%1 har bedömt</source>
        <translation>%1 rated</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Senaste
(föregående)</source>
        <translation>Latest
(previous)</translation>
    </message>
    <message>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Försenade</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Klara</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Skala %1 %2: samlad bedömning, förändring sedan föregående uppföljning och median</source>
        <translation>Scale %1 %2: overall assessment, change since the previous follow-up, and median</translation>
    </message>
    <message>
        <source>Åtgärder från den senaste uppföljningen: %1</source>
        <translation>Actions of the latest follow-up: %1</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Å&amp;r:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>S&amp;kala:</source>
        <translation>S&amp;cale:</translation>
    </message>
    <message>
        <source>Sor&amp;tera:</source>
        <translation>Sor&amp;t:</translation>
    </message>
    <message>
        <source>Sortera efter</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <source>&amp;Högst först</source>
        <translation>&amp;Highest first</translation>
    </message>
    <message>
        <source>Spara &amp;CSV…</source>
        <translation>Save &amp;CSV…</translation>
    </message>
    <message>
        <source>Spara översikten som CSV</source>
        <translation>Save the overview as CSV</translation>
    </message>
    <message>
        <source>Spara &amp;PDF…</source>
        <translation>Save &amp;PDF…</translation>
    </message>
    <message>
        <source>Spara översikten som PDF</source>
        <translation>Save the overview as PDF</translation>
    </message>
    <message>
        <source>Översikt över enheternas senaste uppföljningar</source>
        <translation>Overview of the units&apos; latest follow-ups</translation>
    </message>
    <message>
        <source>Alla organisationer</source>
        <translation>All organisations</translation>
    </message>
    <message>
        <source>Alla år (senaste)</source>
        <translation>All years (latest)</translation>
    </message>
    <message>
        <source>Alla skalor</source>
        <translation>All scales</translation>
    </message>
    <message>
        <source>Organisation och enhet</source>
        <translation>Organisation and unit</translation>
    </message>
    <message>
        <source>Enheter: %1. Samlad bedömning med förändring (↑ upp, ↓ ned, → oförändrad) och median (md) när minst tre har bedömt. Enter öppnar den senaste uppföljningen.</source>
        <translation>Units: %1. Overall assessment with its change (↑ up, ↓ down, → unchanged) and the median (md) when at least three rated. Enter opens the latest follow-up.</translation>
    </message>
    <message>
        <source>översikt.csv</source>
        <translation>overview.csv</translation>
    </message>
    <message>
        <source>översikt.pdf</source>
        <translation>overview.pdf</translation>
    </message>
    <message>
        <source>Sparad: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>OverviewWindow</name>
    <message>
        <source>&amp;Översikt</source>
        <translation>O&amp;verview</translation>
    </message>
    <message>
        <source>&amp;Åtgärder</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>Översikt – lardesk</source>
        <translation>Overview – lardesk</translation>
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
        <source>Har redan bedömningar: markera som frånvarande i stället.</source>
        <translation>Already has ratings: mark as absent instead.</translation>
    </message>
</context>
<context>
    <name>PartsStep</name>
    <message>
        <source>Kom överens om vilka delar ni följer upp i dag. Samlad bedömning (9) ingår alltid. Uppföljningen går sedan igenom de valda avsnitten i frågeguidens ordning.</source>
        <translation>Agree on which parts you follow up today. The overall assessment (9) is always included. The session then goes through the chosen sections in the order of the question guide.</translation>
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
        <source>för minnesanteckningarna (frivilligt)</source>
        <translation>for the minutes (optional)</translation>
    </message>
    <message>
        <source>Frågeguidens språk</source>
        <translation>Language of the guide</translation>
    </message>
    <message>
        <source>Frågeguidens &amp;språk:</source>
        <translation>&amp;Language of the guide:</translation>
    </message>
    <message>
        <source>Anonymitet</source>
        <translation>Anonymity</translation>
    </message>
    <message>
        <source>Ett öppnare läge kräver att gruppen är överens; ett mer slutet tar bort namnen direkt.</source>
        <translation>A more open mode needs the group&apos;s agreement; a more closed one removes the names at once.</translation>
    </message>
    <message>
        <source>&amp;Anonymitet:</source>
        <translation>&amp;Anonymity:</translation>
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
        <source>Förbättringsåtgärder från föregående uppföljning</source>
        <translation>Improvement actions of the previous follow-up</translation>
    </message>
    <message>
        <source>Hur gick det med åtgärderna? Sätt status (genomförd, delvis genomförd, inte genomförd, struken) och skriv en kommentar; minnesanteckningarna redovisar genomgången.</source>
        <translation>How did the actions go? Set the status (done, partly done, not done, dropped) and write a comment; the minutes report the review.</translation>
    </message>
    <message>
        <source>Överenskommelse om delar</source>
        <translation>Agreeing on the parts</translation>
    </message>
    <message>
        <source>Förbättringsåtgärder – {0}: hur gick det?</source>
        <translation>Improvement actions – {0}: how did it go?</translation>
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
    <name>PassTheLaptop</name>
    <message>
        <source>Lämna datorn till personen ovan och tryck Enter. Bara den personens tomma formulär visas; värdena döljs när hen trycker Enter på sista skalan.</source>
        <translation>Hand the laptop to the person above and press Enter. Only that person&apos;s empty form is shown; the values are hidden when they press Enter on the last scale.</translation>
    </message>
    <message>
        <source>Välj deltagare</source>
        <translation>Choose a participant</translation>
    </message>
    <message>
        <source>Börja (Enter)</source>
        <translation>Start (Enter)</translation>
    </message>
    <message>
        <source>Någon annan:</source>
        <translation>Someone else:</translation>
    </message>
    <message>
        <source>Klar – dölj mina värden</source>
        <translation>Done – hide my values</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 av %2 har bedömt.</source>
        <translation>%1 of %2 have rated.</translation>
    </message>
    <message>
        <source>Nästa: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>Alla har bedömt.</source>
        <translation>Everyone has rated.</translation>
    </message>
    <message>
        <source>Lämna tillbaka datorn till samtalsledaren, som avslutar rundan (Avsluta skicka runt, Ctrl+F8) och visar spridningen för gruppen (Visa värdena, F8). Vill någon göra om sin bedömning, välj hen nedan.</source>
        <translation>Hand the laptop back to the facilitator, who ends the round (End passing around, Ctrl+F8) and shows the group the spread (Show the values, F8). If someone wants to redo their rating, choose them below.</translation>
    </message>
    <message>
        <source>%1 – din personliga bedömning</source>
        <translation>%1 – your personal assessment</translation>
    </message>
</context>
<context>
    <name>PhoneRoundPanel</name>
    <message>
        <source>Deltagarna bedömer på sina egna telefoner: de skannar QR-koden eller skriver in adressen. Datorn tar emot svaren i rummets eget nätverk; ingenting skickas vidare. Varje svar syns direkt i tabellen som ●, så att alla ser hur många som har svarat; värdena visas först när du väljer Visa värdena.</source>
        <translation>Participants rate on their own phones: they scan the QR code or type the address. The computer receives the answers on the room&apos;s own network; nothing is sent on. Each answer appears in the table at once as ●, so everyone sees how many have answered; the values show only when you choose Show the values.</translation>
    </message>
    <message>
        <source>Omgång för telefonerna</source>
        <translation>Round for the phones</translation>
    </message>
    <message>
        <source>Omgång %1</source>
        <translation>Round %1</translation>
    </message>
    <message>
        <source>Nätverk som telefonerna ansluter till</source>
        <translation>Network the phones connect to</translation>
    </message>
    <message>
        <source>Starta omgången</source>
        <translation>Start the round</translation>
    </message>
    <message>
        <source>&amp;Omgång:</source>
        <translation>&amp;Round:</translation>
    </message>
    <message>
        <source>&amp;Nätverk:</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <source>%1 av %2 har svarat</source>
        <translation>%1 of %2 have answered</translation>
    </message>
    <message>
        <source>Bara den här datorn – %1</source>
        <translation>This computer only – %1</translation>
    </message>
    <message>
        <source>QR-kod med adressen %1</source>
        <translation>QR code with the address %1</translation>
    </message>
    <message>
        <source>Omgången är avslutad: %1 av %2 svarade.</source>
        <translation>The round is closed: %1 of %2 answered.</translation>
    </message>
    <message>
        <source>Avsluta omgången</source>
        <translation>End the round</translation>
    </message>
</context>
<context>
    <name>PhoneRoundProjector</name>
    <message>
        <source>Bedöm på din telefon: skanna koden eller skriv in adressen</source>
        <translation>Rate on your phone: scan the code or type the address</translation>
    </message>
</context>
<context>
    <name>PrintedForms</name>
    <message>
        <source>Vems blankett</source>
        <translation>Whose form</translation>
    </message>
    <message>
        <source>Spara och nästa blankett</source>
        <translation>Save and next form</translation>
    </message>
    <message>
        <source>Sparade värden visas som ● tills Visa värdena (F8); det du skriver in syns medan du skriver.</source>
        <translation>Saved values show as ● until Show the values (F8); what you type is seen as you type it.</translation>
    </message>
    <message>
        <source>Blankett för:</source>
        <translation>Form of:</translation>
    </message>
    <message>
        <source>%1 av %2 blanketter inlagda.</source>
        <translation>%1 of %2 forms entered.</translation>
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
    <name>RatingGrid</name>
    <message>
        <source>Bedömningar: deltagare × skalor</source>
        <translation>Ratings: participants × scales</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <source>bedömt, dolt tills värdena visas</source>
        <translation>rated, hidden until the values are shown</translation>
    </message>
    <message>
        <source>{participant}, skala {scale}: {value}</source>
        <translation>{participant}, scale {scale}: {value}</translation>
    </message>
    <message>
        <source>ej bedömt</source>
        <translation>not rated</translation>
    </message>
</context>
<context>
    <name>RatingsStep</name>
    <message>
        <source>Omgång</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>Ny omgång</source>
        <translation>New round</translation>
    </message>
    <message>
        <source>En andra bedömning efter diskussionen, sparad för sig</source>
        <translation>A second rating after the discussion, kept apart</translation>
    </message>
    <message>
        <source>Visa värdena</source>
        <translation>Show the values</translation>
    </message>
    <message>
        <source>Tills dess ser rummet bara hur många som har bedömt (F8)</source>
        <translation>Until then the room only sees how many have rated (F8)</translation>
    </message>
    <message>
        <source>Mest oeniga först</source>
        <translation>Most disagreement first</translation>
    </message>
    <message>
        <source>Namn i diagrammet</source>
        <translation>Names in the chart</translation>
    </message>
    <message>
        <source>&amp;Tabell</source>
        <translation>&amp;Table</translation>
    </message>
    <message>
        <source>S&amp;kicka runt</source>
        <translation>&amp;Pass around</translation>
    </message>
    <message>
        <source>&amp;Blanketter</source>
        <translation>&amp;Forms</translation>
    </message>
    <message>
        <source>S&amp;amlad</source>
        <translation>&amp;Overall</translation>
    </message>
    <message>
        <source>&amp;Historik</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Tele&amp;foner</source>
        <translation>Pho&amp;nes</translation>
    </message>
    <message>
        <source>Bara när gruppen valt öppet läge</source>
        <translation>Only when the group chose open mode</translation>
    </message>
    <message>
        <source>Exportera CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Avsluta skicka runt (Ctrl+F8)</source>
        <translation>End passing around (Ctrl+F8)</translation>
    </message>
    <message>
        <source>Samtalsledaren avslutar rundan: tabellen, spridningen och de andra flikarna visas igen</source>
        <translation>The facilitator ends the round: the table, the spread and the other tabs are shown again</translation>
    </message>
    <message>
        <source>Skicka runt / avsluta skicka runt</source>
        <translation>Pass around / end passing around</translation>
    </message>
    <message>
        <source>Siffror 1–10 (10 = 1 sedan 0), - eller x = avstår. Tab: nästa skala, Enter: nästa person.</source>
        <translation>Digits 1–10 (10 = 1 then 0), - or x = abstain. Tab: next scale, Enter: next person.</translation>
    </message>
    <message>
        <source>Titta på värdet (Ctrl+Mellanslag)</source>
        <translation>Look at the value (Ctrl+Space)</translation>
    </message>
    <message>
        <source>Före Visa värdena visar tabellen bara ● där ett värde finns. Visar den valda cellens värde.</source>
        <translation>Until Show the values, the table shows only ● where a value exists. This shows the selected cell&apos;s value.</translation>
    </message>
    <message>
        <source>Du tittar på ett dolt värde – det syns för alla som ser skärmen.</source>
        <translation>You are looking at a hidden value – everyone who can see the screen sees it.</translation>
    </message>
    <message>
        <source>Samtalsledaren skriver in allas värden</source>
        <translation>The facilitator types in everyone&apos;s values</translation>
    </message>
    <message>
        <source>Skicka runt datorn: var och en ser bara sitt eget formulär</source>
        <translation>Pass the laptop around: each person sees only their own form</translation>
    </message>
    <message>
        <source>Skriv in de ifyllda pappersblanketterna efteråt</source>
        <translation>Type in the filled-in paper forms afterwards</translation>
    </message>
    <message>
        <source>Samlad bedömning: gruppens gemensamma värde per skala</source>
        <translation>Overall assessment: the group&apos;s agreed value per scale</translation>
    </message>
    <message>
        <source>Tidigare uppföljningar i samma organisation</source>
        <translation>Earlier sessions of the same organisation</translation>
    </message>
    <message>
        <source>Deltagarna bedömer på sina egna telefoner (QR-kod)</source>
        <translation>Participants rate on their own phones (QR code)</translation>
    </message>
    <message>
        <source>Personlig bedömning</source>
        <translation>Personal assessment</translation>
    </message>
    <message>
        <source>Omgång %1</source>
        <translation>Round %1</translation>
    </message>
    <message>
        <source>Dölj värdena</source>
        <translation>Hide the values</translation>
    </message>
    <message>
        <source>(efter Visa värdena)</source>
        <translation>(after Show the values)</translation>
    </message>
    <message>
        <source>Skalorna där bedömningarna skiljer sig mest överst</source>
        <translation>The scales where the ratings differ most at the top</translation>
    </message>
    <message>
        <source>omgång %1</source>
        <translation>round %1</translation>
    </message>
    <message>
        <source>Avsluta skicka runt</source>
        <translation>End pass around</translation>
    </message>
    <message>
        <source>Avsluta skicka runt? Det gör samtalsledaren när alla har fyllt i.</source>
        <translation>End pass around? The facilitator does this when everyone has filled in.</translation>
    </message>
    <message>
        <source>Det gick inte att spara.</source>
        <translation>Could not save.</translation>
    </message>
    <message>
        <source>Ta bort bedömning</source>
        <translation>Remove rating</translation>
    </message>
    <message>
        <source>Bedömning</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Bedömningsformulär</source>
        <translation>Rating form</translation>
    </message>
    <message>
        <source>Samlad bedömning, skala %1</source>
        <translation>Overall assessment, scale %1</translation>
    </message>
    <message>
        <source>Exportera bedömningarna</source>
        <translation>Export the ratings</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Filen kunde inte sparas: {reason}</source>
        <translation>The file could not be saved: {reason}</translation>
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
        <source>Hur långt uppföljningen har kommit</source>
        <translation>How far the session has come</translation>
    </message>
    <message>
        <source>Uppföljningens steg</source>
        <translation>The session&apos;s steps</translation>
    </message>
    <message>
        <source>Uppföljning</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>&amp;Uppföljning</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>Minnesanteckningar (PDF/Word)…</source>
        <translation>Minutes (PDF/Word)…</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Avsluta lardesk</source>
        <translation>Quit lardesk</translation>
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
        <source>Nästa fråga på projektorn</source>
        <translation>Next question on the projector</translation>
    </message>
    <message>
        <source>Föregående fråga på projektorn</source>
        <translation>Previous question on the projector</translation>
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
</context>
<context>
    <name>SpreadCanvas</name>
    <message>
        <source>Spridningsdiagram</source>
        <translation>Spread chart</translation>
    </message>
</context>
<context>
    <name>StorageProblemDialog</name>
    <message>
        <source>Databasen kommer från en nyare lardesk</source>
        <translation>The database comes from a newer lardesk</translation>
    </message>
    <message>
        <source>Databasen är skrivskyddad</source>
        <translation>The database is read-only</translation>
    </message>
    <message>
        <source>Disken är full</source>
        <translation>The disk is full</translation>
    </message>
    <message>
        <source>Databasen är skadad</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Databasen kan inte öppnas</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Återställ en säkerhetskopia? Den skadade filen byts inte ut förrän du väljer, och sparas.</source>
        <translation>Restore a backup? The damaged file is not replaced until you choose, and it is kept.</translation>
    </message>
    <message>
        <source>Återställ vald kopia</source>
        <translation>Restore the chosen backup</translation>
    </message>
    <message>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Säkerhetskopian är återställd. Den tidigare filen finns kvar, oförändrad, som {kept}.</source>
        <translation>The backup has been restored. The previous file is kept, unchanged, as {kept}.</translation>
    </message>
</context>
</TS>
