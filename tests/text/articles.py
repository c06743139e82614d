"""Fictional articles written for these tests, laid out the way scrapers and CMS exports deliver news pages.

People, places and events are invented; agency names are real because credits name them.
"""

from __future__ import annotations

# A wire story: editor's note caption, a credit on its own line, a byline without "By" (three consecutive
# lines), inline agency credits, a heading, advertising and teaser furniture, timestamps.
WIRE = """Harbour ferry strike strands thousands as talks collapse

EDITORS NOTE: Graphic content / TOPSHOT - Commuters crowd the closed ferry terminal in Port Aldine on June 4, 2026. - Thousands were stranded after the overnight walkout …
KARIN VOSS/AFP via Getty
Tomas Lindqvist

Published Jun 05, 2026 • 3 minute read

Share this article

Ferry crews in Port Aldine walked off the job on Thursday after wage talks with the harbour authority broke down, leaving thousands of commuters without a way across the bay.

The union said its members would stay out until the authority returned to the table. "We have been patient for two years," union secretary Greta Holm said.

Story continues below advertisement

A passenger waits at the Northgate pier in Port Aldine, Thursday, June 4, 2026. The harbour authority said extra buses would run from Friday. (AP Photo/Ines Moreau)

Buses were packed by mid-morning, and the bridge into the city centre was gridlocked for hours.

What happens next

Mediators from the labour ministry are expected to meet both sides on Monday.

Read more: Port Aldine council approves new harbour budget

The authority said it had offered a 4 per cent rise over two years and accused the union of walking away.

Harbour workers picket outside the authority's headquarters.
Reuters

Officials said ferries would resume only when safety inspections were complete.
"""

# A tabloid page: standfirst, byline with roles and two authors, a caption with an "(Image: ...)" credit, a
# credit split over three blocks, a teaser list, a newsletter promotion, timestamps, headings.
TABLOID = """Seaside town's beloved pier to close after storm damage

The 140-year-old attraction will stay shut for at least a year while engineers assess the damage, the council said.

By Jon Reyes and Clara Whitfield, Political Reporters

11:48, Thu, Jul 18, 2024 | UPDATED: 11:50, Thu, Jul 18, 2024

Link copied Bookmark

Waves crash over the end of Brackwater pier during the storm on Tuesday (Image: Getty)

Brackwater's Victorian pier will close for at least 12 months after last week's storm tore away part of its deck, the town council has announced.

Council leader Ravi Sandhu said the decision had been "heartbreaking" but that public safety came first.

The pier has been a fixture of the seafront since 1884 and draws around 300,000 visitors a year.

A view of the damaged decking from the promenade (

Image:

Getty Images/iStockphoto)

Engineers from the county will begin a full survey of the structure next month.

Read More

Seaside cafe owners count the cost of a washed-out summer

Coastal path reopens after landslip repairs

Sign up to our free Brackwater Bulletin newsletter delivered to your inbox

Local traders fear the closure will hit the summer season hard.

How the pier was saved before

In 1987 a fire destroyed the pavilion at the end of the pier, and volunteers raised the money to rebuild it within three years.
"""

# A web page with a separator byline, glued and labelled credits, a commissioned photographer, a chart source.
BROADSHEET = """Northern rail line to reopen after two-year rebuild

Passengers will be able to travel the full length of the Fellmoor line again from Monday.

Amira Haddad · Riverside News · Posted: Aug 08, 2024 4:00 AM EDT | Last Updated: August 8

A restored viaduct near Fellmoor Junction, which was rebuilt after the 2022 floods. Photograph: Leo Marsh/Reuters

Social Sharing

The Fellmoor line, closed since floods washed away two bridges in 2022, will reopen to passengers on Monday, the rail operator said.

Engineers rebuilt the viaducts using stone from the original quarry, at a cost of £48 million.

Track workers lay the final section of rail near Ashby Cross. Photo by Nina Petrakis for The New York Times

Passenger numbers on the line had been rising before the floods, with more than 900,000 journeys a year.

Source: Fellmoor Rail Partnership

The operator said a full timetable would run from the spring.
"""

EXAMPLE_LIKE = """Library reopens in Eastvale after flood repairs

By Daniel Okafor

EASTVALE, Ore. — The town library reopened on Wednesday after a three-month repair.

Volunteers carry books back onto the shelves.
PAULA KIM/AFP via Getty Images

The mayor thanked the volunteers.
"""

# Every test article, for checks that hold for any input (offsets).
ALL = {"wire": WIRE, "tabloid": TABLOID, "broadsheet": BROADSHEET, "example_like": EXAMPLE_LIKE}
