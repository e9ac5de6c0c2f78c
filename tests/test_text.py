"""The Arabic text layer: normalization with offsets, tokens, clitics, sentences."""
import random

import pytest

from conftest import news_articles
from marsad.document import make_document
from marsad.text.normalize import DELETED, normalize, normalize_all, normalize_with_map
from marsad.text.segment import TOKEN_RE, clitic_forms, segment


def seg(text):
    doc = make_document(text)
    segment(doc)
    return doc


@pytest.mark.parametrize("raw, expected", [
    ("أحمد إبراهيم آمن", "احمد ابراهيم امن"),
    ("مستشفى الجامعة", "مستشفي الجامعه"),
    ("مُحَمَّدٌ", "محمد"),
    ("الـــرئيس", "الرئيس"),
    ("١٠/٣/٢٠١٧", "10/3/2017"),
    ("۱۳۹۵", "1395"),
    ("«نعم»", '"نعم"'),
    ("“نعم”", '"نعم"'),
    ("قال، ثم؛ هل؟", "قال, ثم; هل?"),
    ("بو\u200cتين\u200f", "بوتين"),
    ("ٱلله", "الله"),
    ("کابل", "كابل"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("count", [1, 3, 60])  # short batches translate, long ones fold
def test_normalize_all_as_one_by_one(count):
    words = ["الرئيسُ", "أكَّدَ", "«", "٣٥", "کابل", "مـصر", "ي\u200fوم", "x"] * count
    assert normalize_all(words) == [normalize(w) for w in words]


def test_offset_map_points_back_to_original():
    text = "قالَ الـرئيسُ: «سنُعيد ٣ سفراء»"
    norm, m = normalize_with_map(text)
    assert m is not None and len(m) == len(norm)
    for i, ch in enumerate(norm):
        assert normalize(text[m[i]]) == ch


def test_identity_map_when_nothing_is_deleted():
    norm, m = normalize_with_map("اجتمع الرئيس")
    assert m is None and norm == "اجتمع الرئيس"


@pytest.mark.parametrize("word, stem, prefix", [
    ("بموسكو", "موسكو", 1),
    ("وبموسكو", "موسكو", 2),
    ("لأردوغان", "اردوغان", 1),
    ("فالرئيس", "الرئيس", 1),
    ("للرئيس", "الرئيس", 0),
    ("وللحكومة", "الحكومه", 1),
    ("سيزور", "يزور", 1),
    ("وسيزور", "يزور", 2),
    ("سيصل", "يصل", 1),
    ("وستقف", "تقف", 2),
    ("كالعادة", "العاده", 1),
])
def test_clitic_forms(word, stem, prefix):
    assert (stem, prefix) in clitic_forms(normalize(word))


def test_clitic_forms_keep_short_stems_whole():
    assert clitic_forms("بل") == [("بل", 0)]
    assert ("ن", 1) not in clitic_forms("بن")
    assert clitic_forms("سير") == [("سير", 0)]
    assert clitic_forms("سيصل", short_future=False) == [("سيصل", 0)]  # as the NER models learnt


def test_clitic_stem_offsets_are_in_original_text():
    doc = seg("وصل الوفد إلى بِموسكو ولأردوغان رسالة")
    forms = {stem: start for t in doc.tokens for stem, start in t.forms}
    assert doc.text[forms["موسكو"]:].startswith("موسكو")
    assert doc.text[forms["اردوغان"]:].startswith("أردوغان")


def test_tokens_keep_original_offsets_through_diacritics_and_tatweel():
    doc = seg("أعلنَ الـوزيرُ أنّ ٢٠ جندياً قُتلوا.")
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    assert words == ["أعلنَ", "الـوزيرُ", "أنّ", "٢٠", "جندياً", "قُتلوا", "."]
    assert [t.norm for t in doc.tokens][:4] == ["اعلن", "الوزير", "ان", "20"]
    assert [t.kind for t in doc.tokens][3] == "num"


def test_numbers_dates_and_times_are_single_tokens():
    doc = seg("في 10/3/2017 الساعة 14:30 بنسبة 3.5")
    assert [t.norm for t in doc.tokens if t.kind == "num"] == ["10/3/2017", "14:30", "3.5"]


def sentences(text):
    doc = seg(text)
    return [doc.text[s.start:s.end] for s in doc.sentences]


def test_sentences_split_on_stops_and_newlines():
    assert sentences("وصل الوفد. وبدأت المحادثات!\nوانتهت الجلسة") == [
        "وصل الوفد.", "وبدأت المحادثات!", "وانتهت الجلسة"]


def test_sentences_do_not_split_numbers_or_abbreviations():
    assert sentences("بلغ النمو 3.5 في المئة. وقال د. أحمد إن الرقم جيد.") == [
        "بلغ النمو 3.5 في المئة.", "وقال د. أحمد إن الرقم جيد."]


def test_sentences_keep_a_quotation_together():
    assert sentences("وقال: «نرفض ذلك. ولن نقبله». ثم غادر.") == [
        "وقال: «نرفض ذلك. ولن نقبله».", "ثم غادر."]


def test_sentence_ending_inside_quote_closes_after_the_mark():
    assert sentences('وأضاف: "انتهى الأمر." وغادر القاعة.') == [
        'وأضاف: "انتهى الأمر."', "وغادر القاعة."]


def test_question_mark_and_arabic_punctuation():
    assert sentences("هل ينجح الاتفاق؟ لا أحد يعرف.") == ["هل ينجح الاتفاق؟", "لا أحد يعرف."]


def test_real_news_invariants():
    """On real articles: tokens cover their original text, sentences tile the tokens."""
    for art in news_articles(300):
        doc = seg(art["text"])
        for t in doc.tokens:
            assert normalize(doc.text[t.start:t.end]) == t.norm
            for stem, start in t.forms:
                assert t.start <= start < t.end
        covered = [i for s in doc.sentences for i in range(s.first_token, s.last_token)]
        assert covered == list(range(len(doc.tokens)))
        for s in doc.sentences:
            assert doc.text[s.start:s.end].strip() == doc.text[s.start:s.end]


def test_sentences_with_agency_initials_and_tanween():
    assert sentences("وصرح لوكالة الأنباء الفرنسية (أ.ف.ب) إن الإطار جيد. وأتمنى أن أكون مخطئًا. أعتقد ذلك") == [
        "وصرح لوكالة الأنباء الفرنسية (أ.ف.ب) إن الإطار جيد.", "وأتمنى أن أكون مخطئًا.", "أعتقد ذلك"]


def test_blank_lines_and_leading_spaces_between_paragraphs():
    assert sentences("اتفاق بين إيران ومجموعة 5+1.\n\n وأدان الوزير الاتفاق") == [
        "اتفاق بين إيران ومجموعة 5+1.", "وأدان الوزير الاتفاق"]


def test_missing_space_after_a_stop_still_splits_before_arabic():
    assert sentences("وقال: «انتهى».وكان الوفد قد وصل.ثم غادر") == [
        "وقال: «انتهى».", "وكان الوفد قد وصل.", "ثم غادر"]
    assert sentences("زوروا www.spa.gov.sa للمزيد") == ["زوروا www.spa.gov.sa للمزيد"]


def test_folding_order_does_not_matter():
    """_fold replaces characters one kind at a time: no replacement may be folded again."""
    from marsad.text.normalize import FOLDED
    assert not set(FOLDED.values()) & set(FOLDED)


def test_tokens_of_the_original_text_are_those_of_the_normalized_text():
    """Segment splits the original text; on strings dense in diacritics, tatweel, folded
    letters and separators it must find the tokens a split of the normalized text finds."""
    rng = random.Random(11)
    alphabet = ("ابتسمنوليةىأإآ" + "ًٌٍَُِّْـ" + "0123456789٠١٢٣٤٥٦٧٨٩" + ".,:/-'’،٫٬؛؟"
                + "abcXYZé" + "  \n«»\"()")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        doc = seg(text)
        expected = [m.group() for m in TOKEN_RE.finditer(normalize(text))]
        assert [t.norm for t in doc.tokens] == expected, text
        for t in doc.tokens:
            assert normalize(text[t.start:t.end]) == t.norm, text
            assert text[t.start] not in DELETED, text


def test_normalize_all_of_phrases_with_spaces_or_line_breaks():
    phrases = ["أَحْمَد", "مُسْتَشْفَى", "ـــالقدس", "\u200fإيران", "٢٠١٥", "«حماس»", "", "a\u00a0b"]
    assert normalize_all(phrases * 30) == [normalize(w) for w in phrases * 30]
    assert normalize_all(phrases + ["سطر\nثان"]) == [normalize(w) for w in phrases + ["سطر\nثان"]]
    assert normalize_all([]) == []


def test_token_kind_and_offsets_of_new_words():
    doc = make_document("وقــال المُتحدث 2015 GDP ؟")
    segment(doc)
    assert [t.kind for t in doc.tokens] == ["word", "word", "num", "latin", "punct"]
    assert [t.norm for t in doc.tokens] == ["وقال", "المتحدث", "2015", "GDP", "?"]
    said, speaker = doc.tokens[:2]
    assert said.stem_start(1) == 1 and doc.text[speaker.stem_start(0):speaker.end] == "المُتحدث"
