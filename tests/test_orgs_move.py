"""Moving, renaming and deleting organisations (issue 22), on SQLite and PostgreSQL: reach follows a move at once
on every machine sharing the store; a move never goes under the organisation itself or its descendants; a
delete is refused while the organisation still holds something, naming it in Chinese, unless that is handed to
the parent; uploads are never handed on."""

from __future__ import annotations

import pytest
from api_support import small_samples
from retrieval_support import example_md
from store_support import make_request, make_result, store_url  # noqa: F401 - fixture

from drafter.domain.errors import Conflict, InvalidInput, NotFound
from drafter.service import DrafterService
from drafter.settings import Settings

TREE = "名称,上级\n东城区总工会,\n东城区甲街道工会,东城区总工会\n甲机械厂工会,东城区甲街道工会\n西城区总工会,\n"


@pytest.fixture
def machines(store_url, tmp_path):
    """Two services (API machines, each with its own data dir) over one database, with the tree above."""
    samples = small_samples(tmp_path / "samples", count=1)

    def machine(name: str) -> DrafterService:
        return DrafterService(Settings(data_dir=tmp_path / name, database_url=store_url, samples_dir=samples,
                                       provider="template", auth="on", _env_file=None))

    a, b = machine("a"), machine("b")
    a.import_orgs(TREE)
    return a, b


def _user(service, name, role, org):
    return service.create_user(name, f"password-{name}", role, org)


def test_reach_follows_a_move_at_once_on_the_other_machine(machines):
    a, b = machines
    east, west = _user(a, "东城审核", "reviewer", "东城区总工会"), _user(a, "西城审核", "reviewer", "西城区总工会")
    factory = a.get_org("甲机械厂工会")
    draft = a.store.create_draft(make_request(org="甲机械厂工会"), make_result(), "王干事", org_id=factory.id)

    def sees(service, user) -> bool:
        return draft.id in {d.id for d in service.list_drafts(viewer=user, limit=100).items}

    assert sees(b, east) and not sees(b, west)
    moved = a.move_org("东城区甲街道工会", "西城区总工会")
    assert moved.parent_id == a.get_org("西城区总工会").id
    assert not sees(b, east) and sees(b, west)  # machine B reads reach from the store: no restart, no delay
    with pytest.raises(NotFound):
        b.get_draft(draft.id, viewer=east)
    assert b.get_draft(draft.id, viewer=west).id == draft.id
    assert b.get_org("甲机械厂工会").lineage == ["root", a.get_org("西城区总工会").id, moved.id, factory.id]
    assert b.example_scope(b.store.get_user("西城审核")) == ["root", a.get_org("西城区总工会").id]
    assert a.rename_org("东城区甲街道工会", "西城区甲街道工会").name == "西城区甲街道工会"
    assert b.get_org(moved.id).name == "西城区甲街道工会"


def test_a_move_never_goes_under_itself_or_its_descendants(machines):
    a, _ = machines
    with pytest.raises(InvalidInput, match="下级组织"):
        a.move_org("东城区总工会", "甲机械厂工会")
    with pytest.raises(InvalidInput, match="它自己"):
        a.move_org("东城区甲街道工会", "东城区甲街道工会")
    with pytest.raises(InvalidInput, match="根组织"):
        a.move_org("root", "西城区总工会")
    with pytest.raises(NotFound):
        a.move_org("东城区甲街道工会", "没有的区")
    assert a.get_org("甲机械厂工会").path.startswith(a.get_org("东城区甲街道工会").path)  # nothing moved


def test_a_move_with_a_rename_is_one_transaction_a_refused_part_changes_nothing(machines):
    a, b = machines
    street, west = a.get_org("东城区甲街道工会"), a.get_org("西城区总工会")
    with pytest.raises(InvalidInput, match="已存在"):  # the move is fine, the name is taken: no move either
        a.change_org("东城区甲街道工会", name="甲机械厂工会", parent="西城区总工会")
    assert b.get_org(street.id).path == street.path and b.get_org(street.id).name == street.name
    assert b.get_org("甲机械厂工会").path.startswith(street.path)
    with pytest.raises(InvalidInput, match="下级组织"):  # the name is fine, the move is refused: no rename
        a.change_org("东城区甲街道工会", name="新街道工会", parent="甲机械厂工会")
    assert b.get_org(street.id).name == street.name
    done = a.change_org("东城区甲街道工会", name="西城区甲街道工会", parent="西城区总工会")
    assert (done.name, done.parent_id) == ("西城区甲街道工会", west.id)
    assert b.get_org("甲机械厂工会").lineage == ["root", west.id, street.id, a.get_org("甲机械厂工会").id]


def test_an_admin_moves_only_within_its_reach_and_gets_404_outside(machines):
    a, _ = machines
    east_admin = _user(a, "东城管理员", "admin", "东城区总工会")
    with pytest.raises(NotFound):
        a.move_org("西城区总工会", "东城区总工会", viewer=east_admin)  # not East's: "no such organisation"
    with pytest.raises(NotFound):
        a.move_org("甲机械厂工会", "西城区总工会", viewer=east_admin)  # a parent outside its reach
    with pytest.raises(NotFound):
        a.delete_org("西城区总工会", viewer=east_admin)
    factory = a.move_org("甲机械厂工会", "东城区总工会", viewer=east_admin)
    assert factory.parent_id == a.get_org("东城区总工会").id
    created = a.create_org("乙机械厂工会", viewer=east_admin)  # under the admin's own organisation
    assert created.parent_id == factory.parent_id
    with pytest.raises(InvalidInput, match="自己所在"):
        a.delete_org("东城区总工会", viewer=east_admin)


def test_a_delete_is_refused_while_the_organisation_holds_anything_and_says_what(machines):
    a, b = machines
    street = a.get_org("东城区甲街道工会")
    _user(a, "街道干事", "writer", "东城区甲街道工会")
    a.create_api_key("街道OA", "editor", "东城区甲街道工会")
    draft = a.store.create_draft(make_request(), make_result(), "街道干事", org_id=street.id)
    with pytest.raises(Conflict) as refused:
        a.delete_org("东城区甲街道工会")
    message = str(refused.value)
    for held in ("1 个下级组织", "1 个用户", "1 个 API 密钥", "1 篇稿件", "--to-parent"):
        assert held in message, message
    with pytest.raises(InvalidInput, match="根组织"):
        a.delete_org("root")
    assert a.delete_org("西城区总工会").name == "西城区总工会"  # holds nothing
    with pytest.raises(NotFound):
        b.get_org("西城区总工会")

    district = a.get_org("东城区总工会")
    reviewer = _user(a, "东城审核", "reviewer", "东城区总工会")
    a.delete_org("东城区甲街道工会", to_parent=True)
    with pytest.raises(NotFound):
        b.get_org(street.id)
    factory = b.get_org("甲机械厂工会")
    assert factory.parent_id == district.id and factory.path == f"{district.path}{factory.id}/"
    assert b.store.get_user("街道干事").org_id == district.id
    assert b.get_draft(draft.id, viewer=reviewer).org_id == district.id
    assert {k.org_id for k in b.list_api_keys() if k.name == "街道OA"} == {district.id}


def test_an_organisation_with_uploads_is_not_deleted_even_to_its_parent(machines):
    a, _ = machines
    uploader = _user(a, "甲厂干事", "writer", "甲机械厂工会")
    text = example_md("甲机械厂工会女职工工作总结", "专项总结", [("一、关爱女职工", "组织女职工健康体检，参检女职工86人。")])
    a.add_examples([("甲厂.md", text.encode())], uploader=uploader)
    with pytest.raises(Conflict, match="1 篇上传的示例"):
        a.delete_org("甲机械厂工会", to_parent=True)
    assert a.get_org("甲机械厂工会").name == "甲机械厂工会"
