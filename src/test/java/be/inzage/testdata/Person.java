package be.inzage.testdata;

import be.inzage.testdata.ValidValues.Address;
import be.inzage.testdata.ValidValues.Postcode;
import be.inzage.testdata.ValidValues.Value;

import java.time.LocalDate;
import java.util.Random;

/** A fictitious person with a consistent set of identifiers (BE or NL resident). */
final class Person {
    final String lang;
    final boolean nl;
    final Names.Name name;
    final LocalDate birth;
    final Value dob;
    final Value natId;
    final String natKind; // rrn, bis or bsn
    final Value email, phone, iban, login, job, ip, mac;
    final Address addr;
    final Postcode pc;

    Person(Random r, String lang, boolean nl) {
        this.lang = lang;
        this.nl = nl;
        this.name = Names.random(r, lang, nl);
        this.birth = ValidValues.randomBirth(r, 1945, 2006);
        this.dob = ValidValues.dateOfBirth(r, birth, lang);
        if (nl) {
            natId = ValidValues.nlBsn(r);
            natKind = "bsn";
        } else if (r.nextInt(8) == 0) {
            natId = ValidValues.beBis(r);
            natKind = "bis";
        } else {
            natId = ValidValues.beNationalNumber(r, birth);
            natKind = "rrn";
        }
        email = ValidValues.email(r, name.first(), name.last());
        phone = nl ? ValidValues.phoneNl(r) : ValidValues.phoneBe(r);
        String ibanCountry = nl ? (r.nextInt(10) == 0 ? "DE" : "NL")
                : r.nextInt(10) < 8 ? "BE" : ValidValues.pick(r, new String[]{"LU", "FR", "DE", "NL"});
        iban = ValidValues.iban(r, ibanCountry);
        login = ValidValues.login(r, name.first(), name.last());
        job = ValidValues.jobTitle(r, lang);
        ip = r.nextInt(5) == 0 ? ValidValues.ipv6(r) : ValidValues.ipv4(r);
        mac = ValidValues.mac(r);
        if (nl) {
            pc = ValidValues.postcodeNl(r);
            addr = ValidValues.addressNl(r, false);
        } else {
            pc = ValidValues.postcodeBe(r);
            addr = pc.french() ? ValidValues.addressFr(r) : ValidValues.addressNl(r, true);
        }
    }

    Value fullName() { return ValidValues.personName(name.full()); }

    Value firstName() { return ValidValues.personName(name.first()); }

    Value lastName() { return ValidValues.personName(name.last()); }
}
