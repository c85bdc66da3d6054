/// A word the date grammar names. `DateTokenizer` looks each word of a sentence up once (`DateToken.word`), and
/// the rules of `DateScanner`, `TimexTagger` and `TenseMarkers` compare and switch on these instead of comparing
/// strings. Each case is spelled as its raw value, lower-case ASCII.
///
/// `unnamed` is every other token: a word the grammar does not name, a word with a letter outside ASCII or of more
/// than 12 letters (not looked up, so `approximately` is never matched), a number or a symbol.
enum DateWord: String, CaseIterable {
    case unnamed = ""
    case a, about, account, accounts, added, additional, affairs, after, afternoon, afterwards, ago, ahead, almost
    case am, an, and, annually, anticipated, approximately, apr, april, are, arose, around, `as`, ash, assets, at
    case aug, august, autumn, barrels, be, became, been, before, began, beginning, being, between, billion, black
    case bloody, bought, broke, brought, bst, built, business, by, came, can, cases, caught, cdt, cents, centuries
    case century, cest, cet, chose, christmas, clock, coming, consecutive, could, couple, cst, current, currently
    case cyber, daily, date, day, days, deaths, dec, decade, decades, december, did, dollars, drew, drove, during
    case each, earlier, early, easter, edt, eight, eighteen, eighties, eighty, eleven, end, ended, ending, est
    case euros, eve, evening, events, every, expected, express, fall, feb, february, fell, felt, few, fewer
    case fifteen, fifties, fifty, final, first, fiscal, five, fled, flew, flow, flows, following, `for`, foreseen
    case forgave, forgot, formerly, forties, forty, fought, found, four, fourteen, fourth, friday, from, froze
    case full, further, future, gave, giving, gmt, going, good, got, grew, had, half, has, have, heard, held
    case herald, hid, holy, hour, hourly, hours, hundred, `in`, intends, into, `is`, ist, jan, january, jst, jul
    case july, jun, june, just, kept, kilometers, kilometres, km, knew, laid, last, lasted, late, lately, later
    case latest, least, led, left, less, liabilities, ll, long, lost, m, made, mail, many, mar, march, may, mdt
    case meant, met, meters, metres, mid, midday, middle, midnight, might, miles, million, minute, minutes, mirror
    case monday, month, monthly, months, more, morning, most, mst, near, nearly, new, next, night, nine, nineteen
    case nineties, ninety, no, noon, nov, november, now, nowadays, o, oct, october, of, old, once, one, or, other
    case over, overnight, overtook, p, paid, palm, past, pdt, people, per, percent, period, persons, plan, planned
    case planning, plans, pm, points, poised, post, pounds, present, presently, previous, previously, pst, q1, q2
    case q3, q4, quarter, quarterly, quarters, ran, ratio, recent, recently, rose, roughly, s, said, same, sang
    case sank, sat, saturday, saw, say, says, scheduled, second, seconds, sent, sep, sept, september, set, seven
    case seventeen, seventies, seventy, several, shall, shook, short, shot, since, six, sixteen, sixties, sixty
    case slated, slid, small, sold, soldiers, some, someday, soon, sought, spent, spoke, spring, start, stole
    case stood, straight, struck, summer, sunday, `super`, swam, swept, swore, take, takes, taught, telegraph, ten
    case term, than, thanksgiving, that, the, thereafter, these, third, thirteen, thirties, thirty, this, thought
    case thousand, three, threw, thrice, through, throughout, thru, thursday, till, times, to, today, told
    case tomorrow, tonight, tonnes, tons, took, tore, trading, tribune, trillion, troops, tuesday, twelve, twenties
    case twenty, twice, two, under, undertook, units, until, up, upcoming, upheld, usa, utc, votes, was, wednesday
    case wee, week, weekend, weekly, weeks, well, went, were, will, winter, withdrew, withheld, within, won
    case working, would, wound, wrote, year, yearly, years, yesterday
}
