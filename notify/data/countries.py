#!/usr/bin/env python3
"""Writes countries.tsv: every name GOV.UK Notify recognises as a country or territory on the
last line of a letter's address, with the country it stands for, in the order Notify builds
its table (when two names normalise to the same key, the later one wins).

Sources, both MIT licensed:
- the location graph of govuk-country-and-territory-autocomplete, which Notify copies
  (npm package 2.0.0, dist/location-autocomplete-graph.json);
- the lists notifications-utils keeps beside it (notifications_utils/countries/_data/):
  ended countries, UK islands, European islands, Welsh names and extra synonyms, restated
  below.
Names with a digit are left out: Notify never looks a line with a digit up as a country.

    npm pack govuk-country-and-territory-autocomplete@2.0.0 && tar xzf ./*.tgz
    python3 countries.py package/dist/location-autocomplete-graph.json > countries.tsv
"""

import json
import sys

UK = "United Kingdom"
ENDED_COUNTRIES = {"Yugoslavia": None, "USSR": None, "East Germany": "Germany", "Czechoslovakia": "Czechia"}
UK_ISLANDS = ["Jersey", "Guernsey", "Isle of Man"]
EUROPEAN_ISLANDS = ["Azores", "Balearic Islands", "Canary Islands", "Corsica", "Madeira"]
WELSH_NAMES = [
    ("Affganistan", "Afghanistan"),
    ("Antigwa a Barbiwda", "Antigua and Barbuda"),
    ("Yr Ariannin", "Argentina"),
    ("Awstralia", "Australia"),
    ("Awstria", "Austria"),
    ("Aserbaijan", "Azerbaijan"),
    ("Y Bahamas", "The Bahamas"),
    ("Belarws", "Belarus"),
    ("Gwlad Belg", "Belgium"),
    ("Bhwtan", "Bhutan"),
    ("Bolifia", "Bolivia"),
    ("Bosnia a Hercegovina", "Bosnia and Herzegovina"),
    ("Brasil", "Brazil"),
    ("Bwlgaria", "Bulgaria"),
    ("Bwrwndi", "Burundi"),
    ("Camerŵn", "Cameroon"),
    ("Cabo Verde", "Cape Verde"),
    ("Gweriniaeth Canolbarth Affrica", "Central African Republic"),
    ("Tchad", "Chad"),
    ("Tsieina", "China"),
    ("Y Comoros", "Comoros"),
    ("Ciwba", "Cuba"),
    ("Y Weriniaeth Tsiec", "Czechia"),
    ("Gweriniaeth Ddemocrataidd Congo", "Congo (Democratic Republic)"),
    ("Denmarc", "Denmark"),
    ("Gweriniaeth Dominica", "Dominican Republic"),
    ("Dwyrain Timor", "East Timor"),
    ("Ecwador", "Ecuador"),
    ("Yr Aifft", "Egypt"),
    ("Gini Gyhydeddol", "Equatorial Guinea"),
    ("Ffiji", "Fiji"),
    ("Y Ffindir", "Finland"),
    ("Ffrainc", "France"),
    ("Y Gambia", "The Gambia"),
    ("Yr Alban", "United Kingdom"),
    ("Yr Almaen", "Germany"),
    ("Gwlad Groeg", "Greece"),
    ("Gini", "Guinea"),
    ("Guiné-Bissau", "Guinea-Bissau"),
    ("Gaiana", "Guyana"),
    ("Hondwras", "Honduras"),
    ("Hwngari", "Hungary"),
    ("Gwlad yr Iâ", "Iceland"),
    ("Irac", "Iraq"),
    ("Iwerddon", "Ireland"),
    ("Yr Eidal", "Italy"),
    ("Iorddonen", "Jordan"),
    ("Kazakhstan", "Kazakhstan"),
    ("Latfia", "Latvia"),
    ("Libanus", "Lebanon"),
    ("Libia", "Libya"),
    ("Lithwania", "Lithuania"),
    ("Lwcsembwrg", "Luxembourg"),
    ("Madagasgar", "Madagascar"),
    ("Ynysoedd Marshall", "Marshall Islands"),
    ("Mecsico", "Mexico"),
    ("Moldofa", "Moldova"),
    ("Moroco", "Morocco"),
    ("Mosambic", "Mozambique"),
    ("Yr Iseldiroedd", "Netherlands"),
    ("Seland Newydd", "New Zealand"),
    ("Nicaragwa", "Nicaragua"),
    ("Gogledd Corea", "North Korea"),
    ("Norwy", "Norway"),
    ("Papua Guinea Newydd", "Papua New Guinea"),
    ("Paragwâi", "Paraguay"),
    ("Periw", "Peru"),
    ("Pilipinas", "Philippines"),
    ("Gwlad Pwyl", "Poland"),
    ("Portiwgal", "Portugal"),
    ("Gweriniaeth y Congo", "Congo"),
    ("Gweriniaeth Macedonia", "North Macedonia"),
    ("Gogledd Macedonia", "North Macedonia"),
    ("Rwmania", "Romania"),
    ("Rwsia", "Russia"),
    ("Saint Kitts a Nevis", "St Kitts and Nevis"),
    ("St Kitts a Nevis", "St Kitts and Nevis"),
    ("Saint Vincent a’r Grenadines", "St Vincent"),
    ("São Tomé a Príncipe", "Sao Tome and Principe"),
    ("Sénégal", "Senegal"),
    ("Slofacia", "Slovakia"),
    ("Slofenia", "Slovenia"),
    ("Ynysoedd Solomon", "Solomon Islands"),
    ("De Affrica", "South Africa"),
    ("De Corea", "South Korea"),
    ("De Sudan", "South Sudan"),
    ("Sbaen", "Spain"),
    ("Swrinam", "Suriname"),
    ("Gwlad Swazi", "Eswatini"),
    ("Y Swistir", "Switzerland"),
    ("Gwlad Thai", "Thailand"),
    ("Trinidad a Thobago", "Trinidad and Tobago"),
    ("Twrci", "Turkey"),
    ("Twfalw", "Tuvalu"),
    ("Wcráin", "Ukraine"),
    ("Yr Emiradau Arabaidd Unedig", "United Arab Emirates"),
    ("Y Deyrnas Unedig", "United Kingdom"),
    ("Unol Daleithiau America", "United States"),
    ("Wrwgwái", "Uruguay"),
    ("Feneswela", "Venezuela"),
    ("Fietnam", "Vietnam"),
]
SYNONYMS = [
    ("England", "United Kingdom"),
    ("Northern Ireland", "United Kingdom"),
    ("Scotland", "United Kingdom"),
    ("Wales", "United Kingdom"),
    ("Cymru", "United Kingdom"),
    ("ROI", "Ireland"),
    ("Irish Republic", "Ireland"),
    ("Rep of Ireland", "Ireland"),
    ("South Ireland", "Ireland"),
    ("Southern Ireland", "Ireland"),
    ("N Ireland", "United Kingdom"),
    ("North Ireland", "United Kingdom"),
    ("GBR", "United Kingdom"),
    ("Channel Islands", "United Kingdom"),
    ("United States America", "United States"),
    ("United States Amercia", "United States"),
    ("United States of Amercia", "United States"),
    ("America", "United States"),
    ("Amercia", "United States"),
    ("Macedonia", "North Macedonia"),
    ("Autonomous Region of the Azores", "Azores"),
    ("Islas Canarias", "Canary Islands"),
    ("Canaries", "Canary Islands"),
    ("El Hierro", "Canary Islands"),
    ("La Palma", "Canary Islands"),
    ("La Gomera", "Canary Islands"),
    ("Tenerife", "Canary Islands"),
    ("Gran Canaria", "Canary Islands"),
    ("Fuerteventura", "Canary Islands"),
    ("Lanzarote ", "Canary Islands"),
    ("La Graciosa", "Canary Islands"),
    ("Autonomous Region of Madeira", "Madeira"),
    ("Região Autónoma da Madeira", "Madeira"),
    ("Islas Baleares", "Balearic Islands"),
    ("Illes Balears", "Balearic Islands"),
    ("Corse", "Corsica"),
    ("Burma", "Myanmar (Burma)"),
    ("Czechoslovakia", "Czechia"),
    ("East Germany", "Germany"),
    ("Easter Island", "Easter Island"),
    ("Falkland", "Falkland Islands"),
    ("The Falklands", "Falkland Islands"),
    ("The Falkland Islands", "Falkland Islands"),
    ("Hawaii", "United States"),
    ("Khazakhstan", "Kazakhstan"),
    ("Korea", "South Korea"),
    ("Macau", "Macao"),
    ("Myanmar", "Myanmar (Burma)"),
    ("New Zeeland", "New Zealand"),
    ("NI", "United Kingdom"),
    ("Pitcairn Island", "Pitcairn, Henderson, Ducie and Oeno Islands"),
    ("Henderson Island", "Pitcairn, Henderson, Ducie and Oeno Islands"),
    ("Ducie Island", "Pitcairn, Henderson, Ducie and Oeno Islands"),
    ("Oeno Island", "Pitcairn, Henderson, Ducie and Oeno Islands"),
    ("Republic of China", "Taiwan"),
    ("Republik Österreich", "Austria"),
    ("République Islamique de Mauritanie", "Mauritania"),
    ("Saint Helena", "Saint Helena"),
    ("St Helena", "Saint Helena"),
    ("Swaziland", "Eswatini"),
    ("the south sandwich islands", "South Georgia and the South Sandwich Islands"),
    ("the sandwich islands", "South Georgia and the South Sandwich Islands"),
    ("South Georgia", "South Georgia and the South Sandwich Islands"),
    ("Tristan", "Tristan da Cunha"),
    ("Vatican", "Vatican City"),
    ("West Germany", "Germany"),
    ("Saint Kitts and Nevis", "St Kitts and Nevis"),
    ("Saint Kitts", "St Kitts and Nevis"),
    ("St Kitts", "St Kitts and Nevis"),
    ("Virgin Islands, British", "British Virgin Islands"),
    ("Congo, Democratic Republic of", "Congo"),
    ("Curacao (former Netherlands Antilles)", "Curaçao"),
    ("Djibouti, Republic of", "Djibouti"),
    ("Dominica, Commonwealth of", "Dominica"),
    ("Korea, Republic of", "South Korea"),
    ("Micronesia, Federated States of", "Micronesia"),
    ("Palestinian Territory", "Occupied Palestinian Territories"),
    ("Palestine, state of", "Occupied Palestinian Territories"),
    ("State of Palestine", "Occupied Palestinian Territories"),
    ("Rwanda, Republic of", "Rwanda"),
    ("San Marino, Republic of", "San Marino"),
    ("the united states of amercia", "United States"),
    ("Dubai UAE", "Dubai"),
]


def find_canonical(item, graph):
    while not item["meta"]["canonical"]:
        item = graph[item["edges"]["from"][0]]
    return item["names"]["en-GB"]


def main(graph_path):
    with open(graph_path, encoding="utf-8") as file:
        graph = json.load(file)
    pairs = []
    for item in graph.values():
        synonym, canonical = item["names"]["en-GB"], find_canonical(item, graph)
        if canonical in UK_ISLANDS:
            pairs.append((synonym, UK))
        elif canonical in ENDED_COUNTRIES:
            if ENDED_COUNTRIES[canonical]:
                pairs.append((synonym, ENDED_COUNTRIES[canonical]))
                pairs.append((canonical, ENDED_COUNTRIES[canonical]))
        else:
            pairs.append((synonym, canonical))
    pairs += [(name, UK) for name in UK_ISLANDS]
    pairs += [(name, name) for name in EUROPEAN_ISLANDS]
    pairs += WELSH_NAMES + SYNONYMS
    # As Python's dict(): each exact name once, at its first place, with its last value.
    for name, canonical in dict(pairs).items():
        if any(character.isdigit() for character in name):
            continue
        assert "\t" not in name and "\n" not in name, name
        print(f"{name}\t{canonical}")


if __name__ == "__main__":
    main(sys.argv[1])
