"""Undo of a deleted board item: the item comes back whole, with its links, in its place, in one transaction."""

from __future__ import annotations

from lardesk.method.logic import ItemKind
from lardesk.services import Services
from tests.services.test_logic_and_ratings import session_with


def test_a_deleted_item_is_put_back_with_its_links(any_services: Services) -> None:
    s = any_services
    sid = session_with(s)
    first = s.logic.add_item(sid, ItemKind.ACTIVITY, "Utbildning").new_id
    middle = s.logic.add_item(sid, ItemKind.ACTIVITY, "Handledning", status="implemented").new_id
    s.logic.add_item(sid, ItemKind.ACTIVITY, "Nätverk")
    result = s.logic.add_item(sid, ItemKind.RESULT, "Kunskap").new_id
    assert first is not None and middle is not None and result is not None
    s.logic.update_item(middle, outcome="Halva gruppen")
    s.logic.add_link(middle, result)
    s.logic.add_link(first, result)
    before = s.sessions.snapshot(sid)
    info = next(item for item in before.items if item.id == middle)
    links = [(link.source_id, link.target_id) for link in before.links if middle in (link.source_id, link.target_id)]
    s.logic.delete_item(middle)
    back = s.logic.put_back_item(sid, info, links).new_id
    assert back is not None
    after = s.sessions.snapshot(sid)
    restored = next(item for item in after.items if item.id == back)
    assert (restored.key, restored.text, restored.status, restored.outcome) == (
        info.key,
        "Handledning",
        "implemented",
        "Halva gruppen",
    )
    assert [i.text for i in after.items_of(ItemKind.ACTIVITY)] == ["Utbildning", "Handledning", "Nätverk"]
    assert {(link.source_id, link.target_id) for link in after.links} == {(back, result), (first, result)}
