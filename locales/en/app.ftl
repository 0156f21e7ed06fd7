# The user interface of the Public Service Assistant (English).
# Every id must also be in locales/vi/app.ftl.

app-name = Public Service Assistant

## Header and navigation

nav-skip-to-content = Skip to main content
nav-home = Back to the home page
nav-language = Language
nav-language-vi = Tiếng Việt
nav-language-en = English

## Shared

common-loading = Loading, please wait…
common-retry = Try again
common-yes = Yes
common-no = No
common-error-prefix = Error:
common-error-unexpected = Something went wrong. Please try again; if it still does not work, close the app and open it again.

## Home page

home-title = Which procedure do you need?
home-intro = Find an administrative procedure, see which documents you need, then fill in your details step by step.
home-search-label = Search for a procedure
home-search-hint = Type a few words, with or without Vietnamese accents. For example: birth, marriage, driving licence.
home-results-title = Procedures
home-searching = Searching…
home-result-count =
    { $count ->
        [0] No procedure matches. Please try other words.
        [one] 1 procedure.
       *[other] { $count } procedures.
    }
home-result-agency = Handled at: { $level }
home-result-fee = Fee: { $fee }
home-topics-title = Browse by topic
home-life-events-title = Browse by life event
home-filter-active = Showing procedures for: { $filter }
home-filter-clear = Clear the filter and show all

## Procedure page

procedure-code = Procedure code: { $code }
procedure-start = Start filling in
procedure-back-home = Back to the home page
procedure-documents-title = Documents to submit
procedure-document-conditional = Needed only in some cases; the app tells you while you fill in the form.
procedure-facts-title = About this procedure
procedure-fee-title = Fee
procedure-fee-rules-title = Special cases:
procedure-fee-rule = { $reason } Fee: { $fee }.
procedure-processing-time-title = Processing time
procedure-agency-title = Handled by
procedure-agency-level = Level: { $level }
procedure-online-title = How to apply
procedure-legal-basis-title = Legal basis
procedure-legal-reference = { $number } — { $title }
procedure-notes-title = Notes

## Filling in, step by step

wizard-progress = Step { $current } of { $total }
wizard-optional = (optional)
wizard-back = Back
wizard-next = Continue
wizard-error-summary-title = Please fix the following
wizard-error-link = { $label }: { $message }
wizard-date-placeholder = dd/mm/yyyy
wizard-address-province = Province or city
wizard-address-province-choose = Choose a province or city
wizard-address-commune-filter = Search communes and wards by name (optional)
wizard-address-commune-none = No commune or ward has that name. Please check the spelling.
wizard-address-commune = Commune, ward or special zone
wizard-address-commune-choose = Choose a commune, ward or special zone
wizard-address-commune-first = Please choose a province or city first
wizard-address-street = House number, street, village or residential group

## Check your answers

review-title = Check your answers
review-intro = Please read your answers again. To correct one, select “Change” on its line.
review-change = Change
review-change-field = { " " }the answer to “{ $label }”
review-not-answered = Not answered
review-documents-title = Documents to prepare
review-documents-intro = Please prepare the following documents to submit with your application.
review-document-files = File types: { $kinds }; up to { $size } MB.
review-fee-title = Fee
review-ready = Your application has all the information it needs. Select “Finish” to complete it.
review-not-ready = Some information is still missing. Please complete these steps, then select “Finish”:
review-go-to-step = Go to the step “{ $title }”
review-finish = Finish

## Finished

done-title = You have finished
done-body = The information for “{ $name }” is complete. Please prepare all the documents below before you submit your application.
done-back = Review your answers
