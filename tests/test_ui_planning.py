"""The outline panel through Streamlit's AppTest (issue 20): propose, rename, move, merge, split, draft from it;
the saved draft's request carries the outline, so regenerating keeps it."""

from __future__ import annotations

from test_ui_app import data_dir, fill_form, generate, new_page  # noqa: F401 (fixture)

FACTS = "春节走访慰问困难职工86户，发放慰问金12.6万元\n举办职工技能竞赛3场，参赛职工420人次\n举办职工篮球赛等文体活动9场\n全年新发展会员126人"


def outline(at):
    return at.session_state["plan_outline"]["sections"]


def test_outline_is_proposed_shaped_and_followed(data_dir):  # noqa: F811
    at = new_page()
    fill_form(at, FACTS)
    at.button(key="plan_propose").click().run()
    assert not at.exception, at.exception
    sections = outline(at)
    assert sorted(n for s in sections for n in s["facts"]) == [1, 2, 3, 4]
    rev = at.session_state["plan_rev"]
    at.text_input(key=f"plan_h_0_{rev}").input("我改的标题").run()
    assert outline(at)[0]["heading"] == "我改的标题"
    at.selectbox(key=f"plan_mv_4_{rev}").select(0).run()
    assert 4 in outline(at)[0]["facts"]
    if len(outline(at)) > 1:
        rev = at.session_state["plan_rev"]
        at.button(key=f"plan_merge_0_{rev}").click().run()
    rev = at.session_state["plan_rev"]
    at.button(key=f"plan_split_0_{rev}").click().run()
    first, second = outline(at)[:2]
    assert first["heading"] == "我改的标题" and second["heading"] == "我改的标题（二）"
    text = generate(at)
    assert "一、我改的标题" in text and "二、我改的标题（二）" in text
    assert at.session_state["request"]["plan"]["sections"][0]["heading"] == "我改的标题"


def test_changed_facts_leave_the_outline_unused(data_dir):  # noqa: F811
    at = new_page()
    fill_form(at, FACTS)
    at.button(key="plan_propose").click().run()
    at.text_area(key="f_facts").input(FACTS + "\n新建职工书屋5个").run()
    assert any("提纲不再适用" in w.value for w in at.warning)
    generate(at)
    assert at.session_state["request"]["plan"] is None


def test_a_reload_keeps_the_outline_the_draft_was_made_from(data_dir):  # noqa: F811
    """Regenerating after a reload (or on opening the saved draft) drafts from her outline again, not from a new
    plan: the outline comes back from the draft's stored request."""
    at = new_page()
    fill_form(at, FACTS)
    at.button(key="plan_propose").click().run()
    rev = at.session_state["plan_rev"]
    at.text_input(key=f"plan_h_0_{rev}").input("我改的标题").run()
    assert "一、我改的标题" in generate(at)
    again = new_page()  # a reload: a new session of the same (local) user
    assert outline(again)[0]["heading"] == "我改的标题" and again.session_state["plan_use"]
    again.button(key="generate").click().run()
    if again.session_state.get("confirm_regen"):  # the first draft was never saved: it is kept as a version first
        again.button(key="regen_yes").click().run()
    assert not again.exception, again.exception
    assert "一、我改的标题" in again.session_state["draft_text"]
    assert again.session_state["request"]["plan"]["sections"][0]["heading"] == "我改的标题"


def test_moving_the_facts_of_a_sub_section_away_leaves_the_other_one_a_section_of_its_own(data_dir):  # noqa: F811
    at = new_page()
    fill_form(at, FACTS)
    at.session_state["plan_outline"] = {"facts": FACTS.split("\n"), "warnings": [], "sections": [
        {"heading": "帮扶", "facts": [1], "area": None},
        {"heading": "技能竞赛", "facts": [2], "area": "建功立业，丰富生活"},
        {"heading": "文体活动", "facts": [3], "area": "建功立业，丰富生活"},
        {"heading": "会员", "facts": [4], "area": None}]}
    at.session_state["plan_use"] = True
    at.run()
    rev = at.session_state["plan_rev"] if "plan_rev" in at.session_state else 0
    at.selectbox(key=f"plan_mv_3_{rev}").select(0).run()
    assert not at.exception, at.exception
    assert [(s["heading"], s["area"]) for s in outline(at)] == [("帮扶", None), ("技能竞赛", None), ("会员", None)]
    assert not any("属于" in t.label for t in at.text_input)


def test_headings_she_types_are_the_outline_proposed_and_drafted(data_dir):  # noqa: F811
    at = new_page()
    fill_form(at, "一、关心关爱\n春节走访慰问困难职工86户，发放慰问金12.6万元\n二、文体活动\n举办职工篮球赛等文体活动9场\n"
                  "三、其他\n全年新发展会员126人")
    generate_now = generate(at)  # without proposing: her headings are followed
    assert generate_now.index("一、关心关爱") < generate_now.index("二、文体活动") < generate_now.index("126人")
    assert "其他。" not in generate_now and "关心关爱。" not in generate_now
    at.button(key="plan_propose").click().run()
    assert [s["heading"] for s in outline(at)][:2] == ["关心关爱", "文体活动"]
    assert outline(at)[0]["facts"] == [1] and outline(at)[1]["facts"] == [2]
