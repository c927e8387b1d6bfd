-- Demo CRM database for docker/compose.yaml. Loaded once by the postgres image
-- (/docker-entrypoint-initdb.d) into database "crm" as user "inzage".
-- All people are fictional; e-mail domains are example.be / example.nl / example.com only.
-- IBANs have valid check digits so the detectors accept them; phone numbers use mixed notations.

CREATE SCHEMA crm;

CREATE TABLE crm.customers (
    id          serial PRIMARY KEY,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    email       text,
    phone       text,
    iban        text,
    city        text,
    postcode    text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crm.invoices (
    id               serial PRIMARY KEY,
    customer_id      integer NOT NULL REFERENCES crm.customers (id),
    amount           numeric(10, 2) NOT NULL,
    billing_address  text,
    billing_email    text
);

INSERT INTO crm.customers (id, first_name, last_name, email, phone, iban, city, postcode, created_at) VALUES
    ( 1, 'Jan',      'Peeters',   'jan.peeters@example.be',      '+32 475 12 34 56',  'BE71 0961 2345 6769',     'Antwerpen',  '2000',    '2023-01-09 09:14:22+01'),
    ( 2, 'An',       'Janssens',  'an.janssens@example.be',      '0476/23.45.67',     'BE77 3632 5308 2942',     'Gent',       '9000',    '2023-02-17 15:02:41+01'),
    ( 3, 'Pieter',   'Maes',      'pieter.maes@example.be',      '0032 486 34 56 78', 'BE64735081011152',        'Brugge',     '8000',    '2023-03-03 11:47:05+01'),
    ( 4, 'Sofie',    'Claes',     'sofie.claes@example.com',     '0495 45 67 89',     'BE10 0638 9906 0804',     'Leuven',     '3000',    '2023-04-21 08:30:00+02'),
    ( 5, 'Luc',      'Wouters',   'luc.wouters@example.be',      '+32 (0)15 21 43 65','BE59 0636 1352 4126',     'Mechelen',   '2800',    '2023-05-12 16:55:13+02'),
    ( 6, 'Els',      'Mertens',   'els.mertens@example.be',      '011 22 33 44',      'BE09 1430 9730 6057',     'Hasselt',    '3500',    '2023-06-30 10:05:48+02'),
    ( 7, 'Thomas',   'Willems',   't.willems@example.com',       '+32 472 98 76 54',  'BE55 9793 6020 3744',     'Kortrijk',   '8500',    '2023-08-08 13:21:37+02'),
    ( 8, 'Lotte',    'Goossens',  'lotte.goossens@example.be',   '0479.11.22.33',     'BE26 0011 4419 5529',     'Aalst',      '9300',    '2023-09-19 09:59:02+02'),
    ( 9, 'Bart',     'De Smet',   'bart.desmet@example.be',      '02 555 12 12',      'BE79 7357 0157 6433',     'Brussel',    '1000',    '2023-10-25 14:40:19+02'),
    (10, 'Nathalie', 'Dubois',    'nathalie.dubois@example.com', '04 223 45 67',      'BE18 0634 0376 5565',     'Liège',      '4000',    '2023-11-14 17:12:56+01'),
    (11, 'Marc',     'Lambert',   'marc.lambert@example.com',    '081 22 44 66',      'BE21 0639 2450 3803',     'Namur',      '5000',    '2024-01-05 08:08:08+01'),
    (12, 'Fatima',   'El Amrani', 'fatima.elamrani@example.be',  '+32 489 55 66 77',  'BE07 7350 9917 0966',     'Schaerbeek', '1030',    '2024-02-11 12:34:29+01'),
    (13, 'Kevin',    'Vermeulen', 'kevin.vermeulen@example.be',  '0470 33 44 55',     NULL,                      'Turnhout',   '2300',    '2024-03-27 10:16:44+01'),
    (14, 'Sanne',    'de Vries',  'sanne.devries@example.nl',    '+31 6 12345678',    'NL91 ABNA 0417 1643 00',  'Amsterdam',  '1012 PK', '2024-04-02 15:47:31+02'),
    (15, 'Daan',     'Jansen',    'daan.jansen@example.nl',      '06-23456789',       'NL80 ABNA 9754 3231 94',  'Utrecht',    '3511 AZ', '2024-05-16 09:23:10+02'),
    (16, 'Emma',     'Bakker',    'emma.bakker@example.nl',      '010 123 4567',      'NL82 INGB 6111 4893 64',  'Rotterdam',  '3011 AD', '2024-06-24 11:11:52+02'),
    (17, 'Lars',     'Visser',    'lars.visser@example.nl',      '+31 (0)40 123 4567','NL38 RABO 4610 7358 73',  'Eindhoven',  '5611 ET', '2024-08-13 14:02:27+02'),
    (18, 'Femke',    'van Dijk',  'femke.vandijk@example.nl',    '06 34 56 78 90',    'NL41TRIO2492086828',      'Den Haag',   '2511 CL', '2024-09-09 16:38:05+02'),
    (19, 'Mehmet',   'Yilmaz',    'mehmet.yilmaz@example.be',    '0487/65.43.21',     'BE12 1432 0770 5292',     'Genk',       '3600',    '2024-10-30 10:49:58+01'),
    (20, 'Julie',    'Lemaire',   'julie.lemaire@example.com',   '071 12 34 56',      'BE43 0919 7810 6401',     'Charleroi',  '6000',    '2024-12-03 13:27:14+01');

SELECT setval('crm.customers_id_seq', (SELECT max(id) FROM crm.customers));

INSERT INTO crm.invoices (id, customer_id, amount, billing_address, billing_email) VALUES
    ( 1,  1,  249.00, 'Meir 12, 2000 Antwerpen',                  'jan.peeters@example.be'),
    ( 2,  1,   89.95, 'Meir 12, 2000 Antwerpen',                  'jan.peeters@example.be'),
    ( 3,  2, 1250.00, 'Veldstraat 45, 9000 Gent',                 'an.janssens@example.be'),
    ( 4,  3,   42.50, 'Steenstraat 8, 8000 Brugge',               'pieter.maes@example.be'),
    ( 5,  3,  310.20, 'Steenstraat 8, 8000 Brugge',               'boekhouding.maes@example.be'),
    ( 6,  4,  675.00, 'Bondgenotenlaan 101, 3000 Leuven',         'sofie.claes@example.com'),
    ( 7,  5,   19.99, 'Bruul 27, 2800 Mechelen',                  'luc.wouters@example.be'),
    ( 8,  6,  149.00, 'Kapelstraat 14, 3500 Hasselt',             'els.mertens@example.be'),
    ( 9,  6,  149.00, 'Kapelstraat 14, 3500 Hasselt',             'els.mertens@example.be'),
    (10,  7, 2040.75, 'Lange Steenstraat 3, 8500 Kortrijk',       'facturen@example.com'),
    (11,  8,   58.40, 'Nieuwstraat 56, 9300 Aalst',               'lotte.goossens@example.be'),
    (12,  9,  399.00, 'Rue Neuve 88, 1000 Bruxelles',             'bart.desmet@example.be'),
    (13,  9,   75.00, 'Rue Neuve 88, 1000 Bruxelles',             'bart.desmet@example.be'),
    (14, 10,  512.30, 'Rue Saint-Gilles 19, 4000 Liège',          'nathalie.dubois@example.com'),
    (15, 11,   64.00, 'Rue de Fer 5, 5000 Namur',                 'marc.lambert@example.com'),
    (16, 12,  230.00, 'Chaussée de Haecht 230, 1030 Schaerbeek',  'fatima.elamrani@example.be'),
    (17, 12,   35.90, 'Chaussée de Haecht 230, 1030 Schaerbeek',  'fatima.elamrani@example.be'),
    (18, 13,  880.00, 'Gasthuisstraat 9, 2300 Turnhout',          'kevin.vermeulen@example.be'),
    (19, 14,  125.00, 'Kalverstraat 120, 1012 PK Amsterdam',      'sanne.devries@example.nl'),
    (20, 14,  125.00, 'Kalverstraat 120, 1012 PK Amsterdam',      'sanne.devries@example.nl'),
    (21, 15,  999.99, 'Oudegracht 150, 3511 AZ Utrecht',          'daan.jansen@example.nl'),
    (22, 16,   47.25, 'Coolsingel 40, 3011 AD Rotterdam',         'administratie@example.nl'),
    (23, 17,  318.60, 'Stratumseind 12, 5611 ET Eindhoven',       'lars.visser@example.nl'),
    (24, 18,  160.00, 'Lange Poten 7, 2511 CL Den Haag',          'femke.vandijk@example.nl'),
    (25, 19,  725.40, 'Stalenstraat 33, 3600 Genk',               'mehmet.yilmaz@example.be'),
    (26, 19,   12.00, 'Stalenstraat 33, 3600 Genk',               'mehmet.yilmaz@example.be'),
    (27, 20,  289.00, 'Boulevard Tirou 61, 6000 Charleroi',       'julie.lemaire@example.com'),
    (28,  2,   99.00, 'Veldstraat 45, 9000 Gent',                 'an.janssens@example.be'),
    (29,  5,  455.10, 'Bruul 27, 2800 Mechelen',                  'luc.wouters@example.be'),
    (30,  1,  189.00, 'Meir 12, 2000 Antwerpen',                  'jan.peeters@example.be');

SELECT setval('crm.invoices_id_seq', (SELECT max(id) FROM crm.invoices));
