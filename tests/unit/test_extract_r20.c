/* test_extract_r20.c: the rules of the importer's twelfth round (session
 * 10, rounds 21 and 22; tests/extract/README.md), each on made-up text:
 * forms of one title, federal calls, counted things of the field of AI,
 * what is no activity, and the review's counterexamples. The earlier
 * rounds' rules are in test_extract_rules.c. */
#include "extract_fixture.h"

/* Session 10 (round 21, studied): separators and forms of one title, the
 * gender of a head the table lacks, hubs, news of authorities. */
static void test_r20_forms(void **state)
{
    (void)state;
    /* "Initiative "Künstliche Intelligenz - Big Data"" in the heading,
     * "– Big Data" twice in the text: one activity, titled as the text */
    extract_result *r = run_text(
        "Ministerium ruft zur Initiative \"Daten und KI - Smart Region\" auf\n\n"
        "Das hessische Wirtschaftsministerium fördert mit der Initiative „Daten und KI – Smart "
        "Region“ Projekte der Künstlichen Intelligenz, sagte der Minister. Die Initiative "
        "„Daten und KI – Smart Region“ ist Teil der Digitalstrategie.\n",
        "r20a.txt");
    json_t *j = entry_by_title(r, "Daten und KI – Smart Region");
    assert_int_equal(extract_count(r), 1);
    (void)j;
    extract_free(r);
    /* "Anwendungshub", "Innovationslab": hub and lab after a joining s */
    r = run_text("Das Bundesministerium fördert den neuen KI-Anwendungshub Verpackungen mit "
                 "zehn Millionen Euro, sagte die Ministerin. Der KI-Anwendungshub Verpackungen "
                 "erprobt Künstliche Intelligenz in der Kreislaufwirtschaft.\n",
                 "r20b.txt");
    assert_true(has_title(r, "KI-Anwendungshub Verpackungen"));
    extract_free(r);
    /* "der „Intelligenten Videoauswertung“": no head in the table, but a
     * feminine noun; the quote, twice, is put in the nominative; a text of
     * the police and an authority testing AI is news, no heading or
     * minister needed; "des KI-Modells" is a generic word */
    r = run_text("Die Polizei Bremen hat am Marktplatz erstmals den Einsatz einer „Intelligenten "
                 "Videoauswertung“ erprobt. Nun startet das Folgeprojekt. Die KI-Technik kommt "
                 "an zwei Plätzen zum Einsatz.\n\nDie Zielrichtung der „Intelligenten "
                 "Videoauswertung“ liegt in der Erkennung von Gefahren. Die KI-Technik wird "
                 "weiterentwickelt. Die Weiterentwicklung des KI-Modells folgt.\n",
                 "r20c.txt");
    assert_true(has_title(r, "Intelligente Videoauswertung"));
    no_title_with(r, "Modell");
    extract_free(r);
    r = run_text("Ab sofort nutzt die Umweltbehörde eine KI-gestützte Methode für das "
                 "Versiegelungsmonitoring. Dabei kommt ein Deep-Learning-Modell zum Einsatz, "
                 "das Luftbilder auswertet. Der KI-Ansatz ist genauer. Die KI-Methode wird "
                 "ausgebaut, das Deep-Learning-Verfahren mit der „KI-Karte Bremen“ verbunden.\n",
                 "r20d.txt");
    assert_string_equal(extract_kind(r), "press-release");
    extract_free(r);
}

/* Session 10: what is no activity of the map: a ministry by its code, a
 * name shouted in a heading, a field of AI alone, a frame of
 * digitalisation; one network under a hyphen and a space. */
static void test_r20_not_activities(void **state)
{
    (void)state;
    extract_result *r =
        run_text("MUSTERMANN: LAND STARTET KI-KOOPERATION MIT DER HOCHSCHULE\n\n"
                 "Das Ministerium für Familie (BMFSFJ) und das Land fördern die Künstliche "
                 "Intelligenz, sagte Finanzminister Erik Mustermann. Das vom BMFSFJ geplante Civic "
                 "Data Lab startet. Die Fortschritte der KI, insbesondere im Bereich Maschinelles "
                 "Lernen (ML), sind groß. Das Projekt „KI-Prüfhilfe“ entsteht im Rahmen der "
                 "Förderlinie Digitalisierung und der Digitaloffensive des Landes.\n",
                 "r20e.txt");
    assert_true(has_title(r, "Civic Data Lab"));
    assert_true(has_title(r, "KI-Prüfhilfe"));
    no_title_with(r, "MUSTERMANN");
    no_title_with(r, "BMFSFJ");
    no_title_with(r, "Maschinelles");
    no_title_with(r, "Digital");
    extract_free(r);
    r = run_text("Berlin. Das Bundesministerium fördert Künstliche Intelligenz für das Gemeinwohl, "
                 "sagte die Ministerin. Dazu zählen:\n\n- die KI-Ideenwerkstatt für Umweltschutz "
                 "des BMUV, in der Akteure KI-Anwendungen entwickeln.\n",
                 "r20e2.txt");
    assert_true(has_title(r, "KI-Ideenwerkstatt für Umweltschutz"));
    extract_free(r);
    r = run_text("Stuttgart. Das Land fördert das Netzwerk AI-Matters in Stuttgart mit zwei "
                 "Millionen Euro für KI-Projekte, sagte die Ministerin. Das Netzwerk AI Matters "
                 "verbindet Unternehmen der Künstlichen Intelligenz.\n",
                 "r20f.txt");
    assert_int_equal(extract_count(r), 1);
    extract_free(r);
}

/* Session 10: "Es trägt den Namen „...“" renames the activity of the
 * sentence before; the quote keeps its closing parenthesis, whose short
 * form then names the activity with a head of its title. */
static void test_r20_renamed(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Das vom Land geförderte neue „Regionale Kompetenzzentrum der Datenarbeit“ hat seine "
        "Arbeit aufgenommen, sagte die Ministerin. Es trägt den Namen „Lernende Maschinen – "
        "Kompetenzzentrum für Künstliche Intelligenz in Nordhessen (LM-KI)“ und hat seinen Sitz "
        "in Kassel. Das Kompetenzzentrum LM-KI wird mit zwölf Millionen Euro unterstützt.\n",
        "r20g.txt");
    assert_int_equal(extract_count(r), 1);
    json_t *j = json_object_get(entry_json(extract_entry(r, 0)), "aliases");
    char *al = json_dumps(j, 0);
    assert_non_null(strstr(al, "(LM-KI)\""));
    free(al);
    extract_free(r);
}

/* Session 10: a compound of AI with its year names an event's edition;
 * a news text with three kinds of cue that names AI once, in its lead,
 * is about AI. */
static void test_r20_year_lead(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Frau Muster, Sie koordinieren den KI-Sommer 2023 im Kompetenzzentrum Wirtschaft. Ihr "
        "Team unterstützt kleine Unternehmen bei der Digitalisierung. Warum widmen Sie der "
        "Künstlichen Intelligenz eine Veranstaltungsreihe? Das Thema KI nimmt Fahrt auf, sagte "
        "sie im Gespräch mit dem Ministerium.\n",
        "r20h.txt");
    json_t *j = entry_by_title(r, "KI-Sommer 2023");
    assert_string_equal(json_string_value(json_object_get(j, "kind")), "event");
    extract_free(r);
    r = run_text("Hochschule erhält 20-Millionen-Euro-Förderung\n\n11. September 2019 / "
                 "Weimar\n\nDie Hochschule erhält für ein Projekt zur künstlichen Intelligenz "
                 "eine Förderung vom Bundeswirtschaftsministerium. Dabei sollen unter dem Titel "
                 "\"Weimar.MobilLab\" 500 Haushalte mit einer App ausgerüstet werden, die den "
                 "Verkehr erfasst. Das Vorhaben soll bis 2023 verwirklicht werden.\n",
                 "r20i.txt");
    assert_true(has_title(r, "Weimar.MobilLab"));
    extract_free(r);
}

/* Session 10: "Innovationsnetz" is a head after its joining s; projects
 * in the plural as one word are none. */
static void test_r20_network(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "„Datenwerk – Innovationsnetz KI für die Pflege“ ist eine gemeinsame Initiative des "
        "Bundesministeriums für Gesundheit, sagte die Ministerin. Drei Ankerprojekte der "
        "Künstlichen Intelligenz werden gefördert.\n",
        "r20j.txt");
    assert_true(has_title(r, "Datenwerk – Innovationsnetz KI für die Pflege"));
    no_title_with(r, "Ankerprojekte");
    extract_free(r);
}

/* Session 10: a compound head goes on over "für die"; a letter of
 * intent is a paper signed, no activity. */
static void test_r20_fuer_die(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Senat und Universität unterzeichnen einen „Letter of Intent“ zur Künstlichen "
        "Intelligenz, sagte der Senator. Die KI-Strategie für die Verwaltung der Stadt soll "
        "bis 2025 vorliegen. Leitlinien für die Nutzung von KI-Tools werden erprobt.\n",
        "r20k.txt");
    assert_true(has_title(r, "KI-Strategie für die Verwaltung der Stadt"));
    extract_free(r);
    r = run_text("Hannover. Die Landesregierung fördert Künstliche Intelligenz, sagte die "
                 "Ministerin. Unter dem Dach des sogenannten KI-Kompetenzzentrum für die "
                 "niedersächsische Verwaltung bündelt das Land seine KI-Fähigkeiten.\n",
                 "r20k2.txt");
    assert_true(has_title(r, "KI-Kompetenzzentrum für die niedersächsische Verwaltung"));
    no_title_with(r, "Letter");
    no_title_with(r, "Nutzung");
    extract_free(r);
}

/* Session 10: federal calls: "Bekanntmachung" and "Richtlinie" are heads
 * of programmes; a quoted title that begins with its head may list its
 * parts with commas and "und den"; a year after a call's name keeps the
 * kind the word before gives. */
static void test_r20_calls(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Das Bundesministerium für Ernährung (BMEL) fördert über die „Bekanntmachung zur "
        "Förderung der Künstlichen Intelligenz in der Landwirtschaft, der Lebensmittelkette "
        "und den Ländlichen Räumen“ acht Verbundprojekte, sagte der Staatssekretär. KI soll "
        "die Landwirtschaft stärken.\n",
        "r20l.txt");
    assert_true(has_title(r, "Bekanntmachung zur Förderung der Künstlichen Intelligenz in der "
                             "Landwirtschaft, der Lebensmittelkette und den Ländlichen Räumen"));
    extract_free(r);
    r = run_text("Förderrichtlinie: KI-Talente@HAW 2024\n\nDas Bundesministerium fördert mit "
                 "der Bekanntmachung “Richtlinie über die Förderung von Reallaboren für "
                 "Künstliche Intelligenz in der Pflege und im Handwerk” den Transfer, sagte die "
                 "Ministerin. Die KI-Forschung an Hochschulen wird gestärkt.\n",
                 "r20m.txt");
    json_t *j = entry_by_title(r, "KI-Talente@HAW 2024");
    assert_string_equal(json_string_value(json_object_get(j, "kind")), "programme");
    assert_true(has_title(r, "Richtlinie über die Förderung von Reallaboren für Künstliche "
                             "Intelligenz in der Pflege und im Handwerk"));
    extract_free(r);
}

/* Session 10: "Das Vorhaben „X“" names X (not "Vorhaben erhalten
 * „grünes Licht“"); typewriter single quotes 'X' quote a name (the
 * genitive "Klaus'" closes none). */
static void test_r20_quotes(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Das Land fördert drei KI-Projekte mit neun Millionen Euro, sagte die Ministerin: "
        "'NEURO-BAVARIA' zur Früherkennung, 'LungKI' zur Diagnose und Klaus' Projekt. Das "
        "Vorhaben „Flutwarnung 4.0“ nutzt Künstliche Intelligenz. Weitere Vorhaben erhalten "
        "nun „grünes Licht“.\n",
        "r20n.txt");
    assert_true(has_title(r, "LungKI"));
    assert_true(has_title(r, "Flutwarnung 4.0"));
    no_title_with(r, "Licht");
    assert_false(has_title(r, "'NEURO-BAVARIA'")); /* the quotes are no part of it */
    extract_free(r);
}

/* Session 10: the sum in a heading that names nothing is the sum of the
 * activity the text names first. */
static void test_r20_headline_sum(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Fünf Millionen Euro für die KI-Forschung im Norden\n\n"
        "Seit Januar forscht das neue KI-Labor Lübeck an Künstlicher Intelligenz in der Medizin, "
        "sagte die Ministerin. Das Land fördert die Arbeit für drei Jahre.\n",
        "r20o.txt");
    json_t *j = entry_by_title(r, "KI-Labor Lübeck");
    json_t *am = json_array_get(json_object_get(j, "amounts"), 0);
    assert_non_null(am);
    assert_true(json_number_value(json_object_get(am, "eur")) == 5e6);
    extract_free(r);
}

/* Session 10: things of the field of AI counted or new are one programme
 * of them, in the nominative up to the head only. */
static void test_r20_field_plural(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Die Förderbank fördert zwölf innovative Projekte im Bereich der künstlichen "
        "Intelligenz mit 3,1 Millionen Euro, sagte der Senator. Mit dem Geld des Landes sollen "
        "neue Forschungsgruppen im Bereich KI eingerichtet werden.\n",
        "r20p.txt");
    assert_true(has_title(r, "zwölf innovative Projekte im Bereich der künstlichen Intelligenz"));
    assert_true(has_title(r, "neue Forschungsgruppen im Bereich KI"));
    extract_free(r);
}

/* Session 10: names in a list of partners after "in Zusammenarbeit mit"
 * are organisations; a noun phrase after the partner without a comma is
 * the object, not another partner. */
static void test_r20_partners(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Jülich. Das Land fördert die KI-Fabrik JUNO mit 20 Millionen Euro, sagte die "
        "Ministerin. Sie entsteht in Zusammenarbeit mit der RWTH Aachen, dem Lamarr-Institut, "
        "WestAI und dem hessischen darmstadt.AI sowie weiteren KI-Zentren. Das Land wird "
        "gemeinsam mit dem Wissenschaftsressort die ressortübergreifende Landes-KI-Strategie "
        "verabschieden.\n",
        "r20q.txt");
    assert_true(has_title(r, "KI-Fabrik JUNO"));
    assert_true(has_title(r, "Landes-KI-Strategie"));
    no_title_with(r, "darmstadt.AI");
    extract_free(r);
}

/* Session 10: a name in a picture's caption is the organisation the text
 * later names as a partner; one word "Graduiertenkolleg" is a kind of
 * thing. */
static void test_r20_caption_org(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "Übergabe der Bescheide in Kiel (v. l.): Erika Muster, KI-Transfer-Hub Nord, Max "
        "Mustermann.\n\nDas Land fördert den neuen Datencampus Kiel mit zwei Millionen Euro "
        "für Künstliche Intelligenz, sagte die Ministerin. In Kooperation mit dem "
        "KI-Transfer-Hub Nord sollen KI-Technologien in die Betriebe gelangen. Dazu wird ein "
        "Graduiertenkolleg eingerichtet.\n",
        "r20r.txt");
    assert_true(has_title(r, "Datencampus Kiel"));
    no_title_with(r, "Transfer-Hub");
    no_title_with(r, "Graduiertenkolleg");
    extract_free(r);
}

/* Session 10, the review's counterexamples: a dateline "KIEL." names no
 * AI; an advert's customers ("bei Polizeibehörden im Einsatz") make no
 * news; "KI-Forschung 1500" is no edition; a programme of digital
 * assistants that fund chatbots is no frame; an acronym "KARL" beside the
 * name Karl stays; "Sie bieten unter dem Namen" names another thing; the
 * persons "Patienten" are no adjective. */
static void test_r20_review(void **state)
{
    (void)state;
    extract_result *r = run_text(
        "KIEL. Die Landesregierung fördert das neue Wasserstoffzentrum an der Förde mit fünf "
        "Millionen Euro, sagte Wirtschaftsminister Claus Muster am Montag. Das Projekt „H2 "
        "Förde“ soll bis 2026 eine Elektrolyseanlage für den Hafen aufbauen. Die Stadt begrüßt "
        "die Förderung des Wasserstoffzentrums.\n",
        "rv1.txt");
    assert_int_equal(extract_count(r), 0);
    extract_free(r);
    r = run_text(
        "VisionGuard: Videoanalyse mit Künstlicher Intelligenz\n\nDie Software VisionGuard der "
        "Firma Muster Analytics erkennt in Videobildern mit Künstlicher Intelligenz "
        "gefährliche Situationen. VisionGuard ist bereits bei mehreren Polizeibehörden im "
        "Einsatz. Fordern Sie jetzt eine kostenlose Demo an und erfahren Sie, wie KI Ihre "
        "Sicherheitsprozesse verbessert.\n",
        "rv2.txt");
    assert_int_equal(extract_count(r), 0);
    extract_free(r);
    r = run_text(
        "Land stärkt die Künstliche Intelligenz an Hochschulen\n\nDas Wissenschaftsministerium "
        "schafft für die KI-Forschung 1500 neue Stellen an den Hochschulen, sagte der Minister "
        "am Montag. Die Künstliche Intelligenz sei eine Schlüsseltechnologie. Insgesamt "
        "fließen in die KI-Ausbildung 2000 Stipendien und zwanzig Millionen Euro aus dem "
        "Landeshaushalt.\n",
        "rv3.txt");
    no_title_with(r, "1500");
    no_title_with(r, "2000");
    extract_free(r);
    r = run_text(
        "Land fördert Chatbots für Kommunen\n\nMit der neuen Förderlinie Digitale "
        "Assistenzsysteme fördert das Innenministerium ausschließlich Chatbots und "
        "Sprachmodelle, die mit Künstlicher Intelligenz arbeiten, sagte der Minister. Für die "
        "Förderlinie Digitale Assistenzsysteme stehen fünf Millionen Euro bereit. Kommunen "
        "können bis März Anträge für KI-Projekte stellen.\n",
        "rv4.txt");
    assert_true(has_title(r, "Förderlinie Digitale Assistenzsysteme"));
    extract_free(r);
    r = run_text(
        "Land fördert Lernplattform für Künstliche Intelligenz\n\nDas Wirtschaftsministerium "
        "fördert eine KI-Lernplattform namens KARL mit vier Millionen Euro, sagte Ministerin "
        "Nicole Muster. KARL hilft Beschäftigten, Künstliche Intelligenz in der Arbeitswelt "
        "einzusetzen. Professor Karl Beispiel vom Karlsruher Institut für Technologie leitet "
        "die Entwicklung.\n",
        "rv5.txt");
    assert_true(has_title(r, "KARL"));
    extract_free(r);
    r = run_text(
        "Land fördert Zentrum für Künstliche Intelligenz in Jena\n\nDas "
        "Wissenschaftsministerium fördert das neue KI-Zentrum Jena mit drei Millionen Euro, "
        "sagte der Minister. Sie bieten unter dem Namen „KI-Campus Thüringen“ zudem Kurse zur "
        "Künstlichen Intelligenz für Beschäftigte an, sagten die Hochschulen. Der KI-Campus "
        "Thüringen startet im Herbst.\n",
        "rv6.txt");
    assert_true(has_title(r, "KI-Campus Thüringen"));
    extract_free(r);
    r = run_text(
        "Land startet Plattform für Künstliche Intelligenz in der Pflege\n\nDas "
        "Gesundheitsministerium hat die „Patienten Plattform KI“ gestartet, sagte der "
        "Minister. Mit der „Patienten Plattform KI“ können Versicherte Befunde mit Künstlicher "
        "Intelligenz auswerten lassen. Das Land fördert die Plattform mit zwei Millionen "
        "Euro.\n",
        "rv7.txt");
    assert_true(has_title(r, "Patienten Plattform KI"));
    extract_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_r20_forms),        cmocka_unit_test(test_r20_not_activities),
        cmocka_unit_test(test_r20_renamed),      cmocka_unit_test(test_r20_year_lead),
        cmocka_unit_test(test_r20_network),      cmocka_unit_test(test_r20_fuer_die),
        cmocka_unit_test(test_r20_calls),        cmocka_unit_test(test_r20_quotes),
        cmocka_unit_test(test_r20_headline_sum), cmocka_unit_test(test_r20_field_plural),
        cmocka_unit_test(test_r20_partners),     cmocka_unit_test(test_r20_caption_org),
        cmocka_unit_test(test_r20_review),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
