# Labels shared by the procedure catalog (English).

## Topics (topic-<id>)

topic-civil-status = Civil status
topic-residence = Residence
topic-judicial-records = Criminal record certificates
topic-transport = Transport
topic-immigration = Immigration and passports
topic-business = Business registration
topic-certification = Certified copies and signatures
topic-employment = Employment
topic-health-insurance = Health insurance
topic-identity = Identity cards
topic-land = Land and housing
topic-social-protection = Social assistance

## Life events (life-event-<id>)

life-event-having-a-baby = Having a baby
life-event-getting-married = Getting married
life-event-death-in-family = A death in the family
life-event-moving-house = Moving house
life-event-starting-a-business = Starting a business
life-event-losing-a-job = Losing a job
life-event-travelling-abroad = Travelling abroad
life-event-getting-a-job = Getting a job
life-event-driving = Driving

## Agency level, online level, fees

agency-level-province = province or city
agency-level-commune = commune, ward or special zone
online-full = Fully online public service
online-partial = Partly online public service
fee-free = Free
fee-varies = Set by the province
