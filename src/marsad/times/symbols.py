"""The grammar alphabet: every unit of a document becomes one symbol character,
and rules are regular expressions over the symbol string (one char per unit).

Calendar:  M Gregorian month   H Hijri month   W weekday   S season   Ħ holiday
Numbers:   N integer (digits, < 1000)   Y year (4 digits)   F digits with / or .
           C clock (14:30)   n number word   o ordinal word   O أول
           ν definite cardinal (الثلاثة) after a plural unit
Units:     D day  K week  J month  Z year  R hour  I minute  U second  E decade
Deictics:  t اليوم  a أمس  g غدا  L الليلة  V vague reference  G set adverb
Modifiers: P past adj  X future adj  T current adj  Q few/last  j following
           h هذا  x boundary (مطلع، منتصف، نهاية)  e كل  p part of day (noun)
           v part of day (adverb)  c الساعة  ½ ¼ half/quarter  A era (هـ، م)
Function:  q قبل  b بعد  s منذ  k خلال  m من  i إلى/حتى (value until: حتى، لغاية)  B بين  f في  w و  ~ أو
           l ذلك  r about (نحو)  u مدة  Ω على التوالي  Δ decade word
           Ł throughout (طوال)  ĸ complete (كامل)  η half (نصف)  ω عطلة
           † future-tense cue (never in a match)
           ñ a noun that makes a following date a name (قوى 8 آذار)
           µ a unit of measure or money (نقطة، مليون، دولار): the number before is a count
           ψ a futures-delivery word (تسليم): the month after it is the coming one
Other:     / ( ) , - . ! ? ; : punctuation;  _ anything else
"""
# Reusable pieces of rule patterns.
MON = r"M(?:/M|\(M\)|M|-M)?"        # مارس، مارس/آذار، مارس (آذار)، يونيو حزيران، تموز - يوليو
DAY = r"(?:N|o)"
WD = r"(?P<wd>[atg]?D?W,?)?"         # (أمس) (يوم) الجمعة before a date
YEAR = r"(?:[,.]?(?:m?Z)?YA?)"      # 2015، عام 2015، من عام 2015، 2015 م
PREP = "fsqbkmiBe"                # symbols that may stand before a bare month/year
