"""The shared phrase matcher: one pass, clitic readings on the first word, all lexicons."""
from marsad.document import make_document
from marsad.knowledge.matcher import PhraseMatcher, phrase_key, phrase_keys
from marsad.text.segment import segment


def matches(matcher, text):
    doc = make_document(text)
    segment(doc)
    return [(doc.text[m.start:m.end], m.lexicon, m.entry) for m in matcher.match(doc.tokens)]


def make():
    m = PhraseMatcher()
    m.add("موسكو", "places", "RUS")
    m.add("الولايات المتحدة", "places", "USA")
    m.add("الولايات المتحدة الأمريكية", "places", "USA-long")
    m.add("الرئيس", "titles", "head")
    m.add("الرئيس الروسي", "titles", "head+RUS")
    m.add("أردوغان", "people", "Q39259")
    return m


def test_clitics_are_excluded_from_the_span():
    assert matches(make(), "وصل بموسكو ولأردوغان") == [
        ("موسكو", "places", "RUS"), ("أردوغان", "people", "Q39259")]


def test_lil_reading_keeps_the_whole_word():
    assert matches(make(), "للرئيس") == [("للرئيس", "titles", "head")]


def test_overlapping_phrases_longest_first():
    got = matches(make(), "قال الرئيس الروسي إن الولايات المتحدة الأمريكية")
    assert got == [("الرئيس الروسي", "titles", "head+RUS"), ("الرئيس", "titles", "head"),
                   ("الولايات المتحدة الأمريكية", "places", "USA-long"),
                   ("الولايات المتحدة", "places", "USA")]


def test_normalized_matching_of_variants_and_diacritics():
    assert matches(make(), "اردوغان وأَرْدوغان") == [
        ("اردوغان", "people", "Q39259"), ("أَرْدوغان", "people", "Q39259")]


def test_several_lexicons_share_a_phrase():
    m = make()
    m.add("موسكو", "capitals", "RUS-GOV")
    assert [x[1] for x in matches(m, "موسكو")] == ["places", "capitals"]
    assert len(m) == 6


def test_phrase_at_the_end_of_text_and_partial_phrase():
    assert matches(make(), "الولايات") == []
    assert matches(make(), "في الولايات المتحدة") == [("الولايات المتحدة", "places", "USA")]


def test_phrase_keys_of_a_lexicon_equal_each_phrase_key():
    phrases = ["الولايات المتحدة", "أَرْدوغان", "", " ", "G20 قمة", "١٥ مايو", "سعر الـ 10%",
               "«حماس»", "الأمم  المتحدة"]
    assert phrase_keys(phrases) == [phrase_key(p) for p in phrases]
    assert phrase_keys(phrases + ["قال\nإن"]) == [phrase_key(p) for p in phrases + ["قال\nإن"]]
    arabic = ["الولايات المتحدة", "أَرْدوغان", "", "مؤتمر جنيف"]
    assert phrase_keys(arabic) == [phrase_key(p) for p in arabic]
    assert phrase_keys([]) == []


def test_add_all_equals_adding_one_by_one():
    items = [("موسكو", "RUS"), ("الولايات المتحدة", "USA"), ("موسكو", "RUS-GOV"), ("", "none")]
    one, batch = PhraseMatcher(), PhraseMatcher()
    for phrase, entry in items:
        one.add(phrase, "places", entry)
    batch.add_all("places", iter(items))
    text = "وصل بموسكو من الولايات المتحدة"
    assert matches(batch, text) == matches(one, text) == [
        ("موسكو", "places", "RUS"), ("موسكو", "places", "RUS-GOV"),
        ("الولايات المتحدة", "places", "USA")]
    assert len(batch) == len(one) == 2
