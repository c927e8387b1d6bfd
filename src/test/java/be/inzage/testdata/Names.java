package be.inzage.testdata;

import java.util.Random;

import static be.inzage.testdata.ValidValues.pick;

/** Embedded first-name and surname lists (common BE / NL / FR / EN names). */
final class Names {
    private Names() {}

    record Name(String first, String last) {
        String full() { return first + " " + last; }
    }

    static final String[] FIRST_NL = {"Jan", "Pieter", "Sofie", "Lotte", "Emma", "Lucas", "Wout", "Joris", "Els",
            "Griet", "Hilde", "Koen", "Bart", "Stijn", "Sander", "Daan", "Bram", "Thijs", "Sanne", "Femke", "Anouk",
            "Fleur", "Ruben", "Jeroen", "Maarten", "Niels", "Inge", "Marieke", "Annelies", "Tine", "Lien", "Jef", "Wim",
            "Dirk", "Geert", "Kristof", "Hanne", "Elke", "Nele", "Jolien", "Fien", "Lore", "Arne", "Senne", "Jonas",
            "Milan", "Lars", "Noor", "Julie", "Ward", "Toon", "Veerle", "Katrien", "Evelien", "Joost", "Mathijs",
            "Floor", "Iris", "Jasper", "Tobias", "Anke", "Liesbeth", "Mieke", "Rik", "Bert", "Gert", "Ilse", "Jente",
            "Yentl", "Lieve", "Hendrik", "Willem", "Maaike", "Marloes", "Esther", "Ingrid"};
    static final String[] FIRST_FR = {"Marie", "Claire", "Camille", "Julien", "Mathieu", "Nicolas", "Antoine",
            "Pierre", "Luc", "Amélie", "Élodie", "Céline", "Sébastien", "François", "Hélène", "Aurélie", "Benoît",
            "Jérôme", "Isabelle", "Nathalie", "Valérie", "Chloé", "Manon", "Léa", "Inès", "Hugo", "Gaëlle",
            "Marie-Claire", "Jean-Pierre", "Anne-Sophie", "Jean-Luc", "Thibault", "Quentin", "Maxime", "Émilie",
            "Géraldine", "Pascale", "Dominique", "Christophe", "Olivier", "Stéphanie", "Sandrine", "Cédric",
            "Frédéric", "Noémie", "Margaux", "Romain", "Aline"};
    static final String[] FIRST_EN = {"James", "Oliver", "Emily", "Sarah", "David", "Michael", "Jessica", "Daniel",
            "Rachel", "Andrew", "Laura", "Kevin", "Hannah", "Christopher", "Rebecca", "Matthew", "Sophie", "Charlotte",
            "George", "Harry", "Amelia", "Jack", "Thomas", "Eleanor", "Samuel", "Olivia", "Lucy", "Benjamin",
            "Catherine", "Patrick", "Siobhan", "Megan", "Alistair", "Fiona", "Gareth", "Imogen"};

    static final String[] LAST_BE = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes",
            "Goossens", "Wouters", "De Smet", "Martens", "Vermeulen", "Hermans", "Pauwels", "De Vos", "Van Damme",
            "Van den Broeck", "De Backer", "Aerts", "Michiels", "Verhoeven", "Vandenberghe", "Declercq", "Desmet",
            "Coppens", "Segers", "Claeys", "Smets", "Van de Velde", "Verstraete", "Cools", "Lemmens", "Bogaerts",
            "Hendrickx", "Stevens", "Van Acker", "Vervoort", "Baert", "De Clercq", "Verbeke", "Geerts", "Thys",
            "D'Hondt", "Van Hoof", "Van Looy", "Vanhoutte", "De Meyer", "Van Hecke", "Dewulf", "Van Roy"};
    static final String[] LAST_NL = {"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser",
            "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "de Haan",
            "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek",
            "van Vliet", "van de Ven", "Hoekstra", "Maas", "Koster", "van Dam", "van der Wal", "Prins", "Blom",
            "Huisman", "Postma", "Kuipers", "Veenstra"};
    static final String[] LAST_FR = {"Dubois", "Martin", "Bernard", "Petit", "Robert", "Richard", "Durand", "Leroy",
            "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Bertrand", "Roux", "Fournier", "Morel", "Girard",
            "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "Lemaire", "Renard", "Dumont", "Leclercq",
            "Gérard", "Collard", "Jacquemin", "Hubert", "Lejeune", "Masson", "Noël", "Delvaux", "Piérard", "Lhoest"};
    static final String[] LAST_EN = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Taylor", "Wilson", "Davies",
            "Evans", "Roberts", "Walker", "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Harris", "Clarke",
            "Jackson", "Turner", "O'Brien", "Murphy", "Kelly", "Cooper", "Fletcher", "Pritchard"};

    /** A name biased towards the document language; nl documents mix Flemish and Dutch names. */
    static Name random(Random r, String lang, boolean dutchFromNl) {
        int k = r.nextInt(10);
        String first, last;
        String origin;
        if (k < 7) origin = lang;
        else origin = pick(r, new String[]{"nl", "fr", "en"});
        switch (origin) {
            case "fr" -> { first = pick(r, FIRST_FR); last = pick(r, LAST_FR); }
            case "en" -> { first = pick(r, FIRST_EN); last = pick(r, LAST_EN); }
            default -> {
                first = pick(r, FIRST_NL);
                boolean nl = dutchFromNl ? r.nextInt(10) < 8 : r.nextInt(10) < 2;
                last = nl ? pick(r, LAST_NL) : pick(r, LAST_BE);
            }
        }
        return new Name(first, last);
    }
}
