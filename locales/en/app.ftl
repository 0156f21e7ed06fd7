# The user interface of the Public Service Assistant (English).
# Every id must also be in locales/vi/app.ftl.

app-name = Public Service Assistant

## Header and navigation

nav-skip-to-content = Skip to main content
nav-home = Back to the home page
nav-language = Language
nav-text-size = Text size
nav-text-size-help = Make the text larger to read it more easily. Shortcuts: Ctrl and + for larger, Ctrl and - for smaller, Ctrl and 0 for the normal size.
nav-language-vi = Tiếng Việt
nav-language-en = English
nav-label = Main sections
nav-profiles = Saved people
nav-submissions = Submitted applications
nav-desk = One-stop desk
nav-sessions = Serve a citizen

## The public service portal (header)

portal-training = Training mode
portal-training-help = You are using the practice public service portal. Applications submitted here are for practice only: they go to no agency and have no legal effect. The signed-in account is a made-up citizen of the practice portal, not your own account.
portal-connection = Connection to the public service portal:{ " " }
portal-online = Connected
portal-offline = Not connected
portal-account-training = Practice account:
portal-account = Account:
portal-officer-role = Desk officer:
portal-desk = Desk:
portal-desk-not-set = Desk not set up yet
portal-serving = Serving:
portal-serving-none = No citizen yet
portal-officer-account = { $name } (desk officer)
portal-signed-out = Not signed in
portal-sign-in = Sign in
portal-sign-out = Sign out
portal-sign-in-cancel = Close
portal-choose-training-account = Choose a training account to sign in with:
portal-choose-test-account = Choose a test account to sign in with:
portal-sign-in-browser = Sign in through the browser with your electronic identity (VNeID)
portal-browser-account = Electronic identity account
portal-signed-in = Signed in as { $name }.
portal-signed-out-done = Signed out. Waiting applications will be sent after you sign in again.

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
home-result-fee = Fees and charges: { $fee }
home-place = The procedure pages quote the fees of { $name }.
home-place-formerly = { $formerly } is now part of { $name }. The procedure pages quote the fees of { $name }.
home-result-matched-keyword = Because it is about “{ $text }”
home-result-matched-document = Because it needs “{ $text }”
home-elsewhere-title = “{ $name }” is not in this app yet.
home-search-portal-hint = You can also look up every procedure on the national public service portal (dichvucong.gov.vn), or ask the one-stop desk of your commune or ward.
home-topics-title = Browse by topic
home-life-events-title = Browse by life event
home-filter-active = Showing procedures for: { $filter }
home-filter-clear = Clear the filter and show all
home-notice-dismiss = Understood, close this message

## Procedure page

procedure-code = Procedure code: { $code }
procedure-start = Start filling in
procedure-start-another = Start a new application
procedure-existing-title = { $count ->
    [one] You already have an application in progress for this procedure
   *[other] You already have { $count } applications in progress for this procedure
}
procedure-existing-resume = Continue “{ $name }” (last changed { $when })
procedure-back-home = Back to the home page
procedure-documents-title = Documents to submit
procedure-document-conditional = Needed only in some cases; the app tells you while you fill in the form.
procedure-facts-title = About this procedure
procedure-fee-title = Fees and charges
procedure-fee-rules-title = Special cases:
procedure-fee-rule = { $reason } Fee: { $fee }.
procedure-fee-province = Province or city where you file
procedure-fee-province-none = Not chosen (see the national rule)
procedure-fee-online = Filed online: { $fee }
procedure-fee-counter = Filed at the counter or by post: { $fee }
procedure-fee-case-online = (filed online)
procedure-fee-case-counter = (filed in person)
procedure-fee-failed = The fee could not be loaded. The receiving office tells you the amount when it accepts the dossier.
procedure-processing-time-title = Processing time
procedure-agency-title = Handled by
procedure-agency-level = Level: { $level }
procedure-online-title = How to apply
procedure-legal-basis-title = Legal basis
procedure-legal-reference = { $number } — { $title }
procedure-notes-title = Notes
procedure-unverified = Some of this procedure's details have not been checked against the official texts; please ask the receiving office before you file.

## Filling in, step by step

wizard-progress = Step { $current } of { $total }
wizard-optional = (optional)
wizard-back = Back
wizard-next = Continue
wizard-error-summary-title = Please fix the following
wizard-error-link = { $label }: { $message }
wizard-date-placeholder = dd/mm/yyyy
wizard-date-hint = As day/month/year, for example 05/09/2024.
wizard-address-province = Province or city
wizard-address-province-choose = Choose a province or city
wizard-address-commune-filter = Find a commune, ward or special zone by its new or old name
wizard-address-commune-picked = { $name } is chosen: the only one that matches what you typed.
wizard-address-commune-none = No commune, ward or special zone has that name, new or old (before 1 July 2025). Please check the spelling, or clear the search box and choose from the list.
wizard-address-commune = Commune, ward or special zone
wizard-address-commune-choose = Choose a commune, ward or special zone
wizard-address-commune-first = Please choose a province or city first
wizard-address-commune-option-formerly = { $name } ({ $formerly })
wizard-address-formerly = formerly: { $name }
wizard-address-formerly-part = formerly: part of { $name }
wizard-address-street = House number and street; village, hamlet or residential group

## Check your answers

review-title = Check your answers
review-intro = Please read your answers again. To correct one, select “Change” on its line.
review-change = Change
review-change-field = { " " }the answer to “{ $label }”
review-not-answered = Not answered
review-documents-title = Documents to prepare
review-documents-intro = Please prepare the following documents to submit with your application.
review-document-files = File types: { $kinds }; up to { $size } MB.
review-fee-title = Fees and charges
fee-item = { $label }: { $count } × { $each } = { $total }
fee-total = Total: { $total }
fee-total-plus-province = Total: { $total }, plus the fee set by the province
fee-until = This amount applies until { $date } inclusive.
fee-province-unknown = The app does not have the amount set by { $province }, so it counts none. The national rule is below; the receiving office tells you the amount when it accepts the dossier.
review-ready = Your application has all the information and files it needs. Select “Submit” to send it to the public service portal.
review-signed-out = You are not signed in. You can still select “Submit”: the application waits on this computer and goes out as soon as you sign in.
review-not-ready = Some information is still missing. Please complete these steps, then select “Submit”:
review-files-missing = { $count ->
    [one] One document still needs its file. Please attach a photo or a scan, then select “Submit”:
   *[other] { $count } documents still need their files. Please attach a photo or a scan of each, then select “Submit”:
}
review-attach-document = Attach { $name }
review-to-follow = { $count ->
    [one] The agency takes the application now, but after submitting you still need to provide:
   *[other] The agency takes the application now, but after submitting you still need to provide these:
}
review-go-to-step = Go to the step “{ $title }”
review-submit = Submit
review-channel = How the dossier was received
review-channel-hint = The public service portal records a dossier an officer files for the citizen being served, with the desk and the citizen's consent.
review-channel-desk = The citizen handed the dossier in at the desk
review-channel-online = The officer helped the citizen file online
review-submitting = Submitting…
review-training = The app is in training mode: applications go to the practice portal only, to learn with; nothing is really filed.

## After “Submit”

submit-result-online = Your application is being sent to the public service portal.
submit-result-offline = There is no connection. Your application is saved on this computer and will be sent automatically when the connection is back.
submit-result-training = (training mode)
submit-result-signed-out = The application is saved on this computer and waits for you to sign in to go to the public service portal.
submit-result-to-follow = Still to do: provide the receiving agency with:

## Submitted applications

submissions-title = Submitted applications
submissions-intro = These are the applications submitted from this computer. Their status is updated automatically from the public service portal.
submissions-empty = You have not submitted any application from this computer yet.
submissions-queued-title = Not yet sent to the portal
submissions-dossiers-title = With an application code
submissions-person = Applicant: { $name }
submissions-waiting = Waiting to be sent
submissions-waiting-sign-in = Waiting for you to sign in
submissions-waiting-retried = Waiting to be sent, { $count ->
        [one] tried once
       *[other] tried { $count } times
    }
submissions-queued-at = Submitted { $when }
submissions-next-attempt = Next try: { $when }
submissions-code = Application code: { $code }
submissions-status = Status:
submissions-fee = Fees and charges: { $fee }
submissions-next-result = Next step: the result is ready. Take your ID card to { $agency } to collect it (or receive it the way you chose when filing). If a paper must be shown in the original, bring it too.
submissions-next-result-agency = the office that received the application
submissions-show-sent = See what was submitted
submissions-show-sent-of = { " " }in application { $code }
sent-title = What was submitted in application { $code }
sent-intro = These are the answers and documents sent to the public service portal. A submitted application can no longer be changed.
sent-file = File sent: { $name }
sent-to-follow = Still to be given to the receiving office.
sent-back = Back to the submitted applications
submissions-timeline = Progress
submissions-due = Result due on { $date }
submissions-handler = Handled by { $name }
submissions-due-set = Result promised for { $date }
submissions-due-moved = Due date moved from { $from } to { $to }
submissions-due-apology = The agency sent a letter of apology with the new date.
submissions-due-reason = Reason:
submissions-note = Note from the handling agency:
submissions-back-home = Back to the home page

## Notices from the public service portal

toast-close = Close this message
sync-delivered = Your application was sent. Application code: { $code }
sync-status-changed = Application { $code }: { $status }
sync-status-note = Note:
sync-due-changed = Application { $code }: the result is now due on { $date }
sync-due-apology = The agency sent a letter of apology.
sync-rejected = The public service portal sent an application back to be corrected. Please open it and correct the marked answers.
sync-rejected-refused = The public service portal did not accept this application and gave no reason. Please open it, check it and submit again, or contact the receiving agency.
sync-open-draft = Open it to correct

## Applications sent back by the portal

rejection-title = The public service portal did not accept this application because some information is not right.
rejection-intro = Please correct the answers below (each error is also shown under its question), then select “Submit” again:
rejection-item = { $label }: { $message }
rejection-all-changed = You have changed the marked answers. Please check your information, then select “Submit” to send it again.
rejection-title-refused = The public service portal did not accept this application.
rejection-no-detail = it gave no specific reason
rejection-detail = The portal said: “{ $detail }”
rejection-next-step = Please check your information, then select “Submit” to send it again. If it is refused again, contact the agency that receives the application.

## Drafts in progress (home page)

drafts-title = Drafts in progress
drafts-person = Applicant: { $name }
drafts-subject = For: { $name }
drafts-name-with-subject = { $procedure } for { $subject }
drafts-updated = Last edited { $when }
drafts-progress = { $done } of { $total } steps done
drafts-resume = Continue
drafts-rename = Rename
drafts-duplicate = Make a copy
drafts-delete = Delete
drafts-about = { " " }the draft “{ $name }”
drafts-rename-label = Draft name
drafts-rename-hint = A name to recognise it by, for example: Birth registration for Na. Leave it empty if you do not need one.
drafts-rename-save = Save
drafts-rename-cancel = Cancel
drafts-renamed = The draft was renamed.
drafts-duplicated = A copy of the draft “{ $name }” was made.
drafts-delete-title = Are you sure you want to delete this draft?
drafts-delete-body = The draft “{ $name }”, its answers and its attached files will be deleted from this computer. Right after deleting, you can still press “Restore” for a few seconds.
drafts-delete-confirm = Delete the draft
drafts-delete-cancel = Do not delete
drafts-deleted = The draft was deleted
drafts-undo = Restore
drafts-restored = The draft was restored.
drafts-rejected = Needs correcting before it is submitted again

## Starting: who is this for

start-who-title = Who are you filing for?
start-who-hint = If you choose a saved person, the app fills in the questions listed under their name; you can still change them.
start-who-fills = Fills in: { $fields }.
start-who-fills-nothing = None of the saved details of this person fits a question of this procedure.
start-who-fills-later = Once you say which person in the application you are, the app fills in your part too.
start-who-nobody = Someone else (nothing filled in)
start-who-required = Please say who you are filing for: choose a saved person, or choose “Someone else”.
start-who-continue = Continue
start-who-cancel = Cancel

## Autosave

save-auto = Your answers are saved automatically on this computer.
save-saving = Saving…
save-saved = Saved at { $time }
save-failed = Your last answer has not been saved. Please do not close the app until it is saved.

## Answers filled in from a personal profile

prefill-badge = Filled in from the saved person’s details
copied-badge = Filled in from the step “{ $step }”. Change it if it is not right.
prefill-save-to-profile = Save to the saved person’s details
prefill-save-field = { " " }the answer “{ $label }”
prefill-saved = The answer was saved to the person’s details.

## The procedure was updated

upgrade-title = This procedure has been updated (version { $from } → { $to }).
upgrade-removed = Answers no longer used: { $questions }.
upgrade-added = New questions to answer: { $questions }.
upgrade-nothing = Your answers have been kept as they were.
upgrade-dismiss = Understood

## Documents and attachments

attach-panel-title = Documents to prepare
attach-panel-count = ({ $done } of { $total } attached)
document-filled-by-app = No file to attach.
document-to-follow = Can follow later: the agency takes the application without it, and you provide it afterwards.
document-missing = Not attached yet. It is needed before you submit.
attach-panel-hint = You can attach a photo or a scan of each document now, or later.
attach-rules = { $kinds }; at most { $size } MB
attach-button = Attach a file
attach-replace = Replace the file
attach-remove = Remove the file
attach-for = { " " }for “{ $name }”
attach-busy = Please choose the file in the window that opened; the app then checks and saves it…
attach-file-label = Attached file:{ " " }
attach-file-meta = { $kind } · { $size }
attach-preview-alt = Thumbnail of the file { $name }
attach-filter-name = Photos or scans (PDF, JPEG, PNG)
attach-done = The file { $name } was attached.
attach-removed = The file { $name } was removed.

## Personal profiles

profiles-title = Saved people
profiles-intro = You can save your details and those of your family here once; when you file a procedure, the app fills them in for you. They are kept on this computer only.
profiles-empty = No one is saved yet. Press “Add a person” to start.
profiles-new = Add a person
profiles-edit = Edit
profiles-delete = Delete
profiles-about = { " " }the details of “{ $label }”
profiles-no-facts = No details of this person yet.
profiles-back-home = Back to the home page
profiles-saved = The details of “{ $label }” were saved.
profiles-deleted = The details of “{ $label }” were deleted.
profiles-delete-title = Are you sure you want to delete this person’s details?
profiles-delete-body = The details of “{ $label }” will be deleted from this computer. Drafts filled in from them keep their answers.
profiles-delete-confirm = Delete the details
profiles-delete-cancel = Do not delete
profiles-form-new-title = Add a person
profiles-form-edit-title = Edit the details of “{ $label }”
profiles-form-intro = Fill in only what you want to save; you can add more later.
profiles-label = Name to show
profiles-label-hint = A name to recognise it by, for example: Me, Mum, My son. If left empty, the app uses the full name.
profiles-label-required = Please give a name to show or enter the full name.
profiles-full-name = Full name
profiles-full-name-hint = With diacritics, as on the ID card (or the older citizen ID card, if still valid).
profiles-citizen-id = Personal identification number
profiles-citizen-id-hint = The 12 digits printed on the ID card (or on the older citizen ID card, if still valid).
profiles-birth-date = Date of birth
profiles-birth-date-hint = As day/month/year, for example 05/09/1990.
profiles-sex = Sex
profiles-sex-male = Male
profiles-sex-female = Female
profiles-phone = Mobile number
profiles-phone-hint = 10 digits, for example 0912345678.
profiles-email = E-mail
profiles-permanent-address = Permanent residence
profiles-current-address = Current residence
profiles-save = Save the details
profiles-cancel = Cancel

# At start-up, when opening the data with the keyring's key takes more than a moment.
startup-opening = Opening the encrypted data on this computer…

# Opening the data with a passphrase, on a computer without an operating-system keyring.
unlock-title = Open the data on this computer
unlock-new-title = Choose a passphrase to protect the data
unlock-why = This computer has no operating-system keyring, so the data kept on it (drafts, personal details, scanned papers) is protected by a passphrase. It must be typed each time the app starts.
unlock-intro = Please type the passphrase to open the data.
unlock-new-intro = This is the first time the app keeps data on this computer. Please choose a passphrase and type it twice.
unlock-new-warning = Important: if this passphrase is forgotten, nobody can open the data on this computer any more, not even support. Please remember it or keep it somewhere safe.
unlock-passphrase = Passphrase
unlock-new-passphrase = New passphrase
unlock-new-hint = At least { $min } characters. A short sentence of a few words that you remember makes a good passphrase.
unlock-confirm = Type the passphrase again
unlock-mismatch = The two passphrases are not the same. Please type them again.
unlock-show = Show the passphrase
unlock-submit = Open the data
unlock-new-submit = Set the passphrase and start
unlock-busy = Opening the data, please wait a moment…

payment-title = Fees to pay
payment-kind-levy = levy
payment-kind-charge = charge
payment-total = Total: { $amount }
payment-until = Pay by: { $when }
payment-training = This is a training code: its bank does not exist and no money moves.
payment-code-alt = VietQR code to pay { $amount }
payment-bank = Bank
payment-account = Account number
payment-holder = Account holder
payment-amount = Amount
payment-purpose = Transfer description
payment-scan-help = Open your banking app, choose to scan a QR code and scan this one: the amount and description are filled in. When paying by hand, type the amount and description exactly as above. The application's status updates itself once the bank reports the payment.
payment-paid = Paid on { $when }.
payment-expired = This payment request has expired. The agency will send a new one if you still need to pay.
payment-failed = This payment did not go through. The agency will send a new request if you still need to pay.
payment-collected-with-supplement = · collected with the additions
payment-collected-with-result = · collected when the result is handed over

## After submission: what the agency asks, the result, withdrawal, rating, feedback

sync-action-done = { $action ->
    [supplement] The additions to application { $code } were sent.
    [withdrawal] The request to withdraw application { $code } was sent.
    [rating] Your rating of application { $code } was sent. Thank you.
   *[feedback] Your feedback was sent.
}
sync-action-refused = { $action ->
    [supplement] The public service portal did not accept the additions to application { $code }.
    [withdrawal] The public service portal did not accept the request to withdraw application { $code }.
    [rating] The public service portal did not accept the rating of application { $code }.
   *[feedback] The public service portal did not accept the feedback.
}
sync-feedback-answered = Feedback { $code } has an answer.
sync-result-saved = The result of application { $code } was downloaded to this computer.

supplement-title = The agency asks for more
supplement-reason = Why:
supplement-item-document = Document: { $name }
supplement-item-answer = Information: { $name }
supplement-contact = Contact: { $contact }
supplement-deadline = Give it by: { $date }
supplement-asked-at = Asked on { $when }
supplement-answered = Everything asked for arrived on { $when }. The application is being handled again.
supplement-sending = The additions wait to be sent; the app sends them once connected.
supplement-files-sending = The portal has the additions and waits for their files.
supplement-refused = The additions were not accepted.
supplement-open = Add what is asked
supplement-open-help = Only what the agency asks for opens for change; everything else you submitted stays as it is.
supplement-elsewhere = This application was not made on this computer. Add what is asked on the public service portal, or bring the documents to where you filed it.
supplement-page-title = Add to application { $code }
supplement-page-intro = Below is only what the agency asks for. What you submitted before is filled in; change it or attach a new file, then press "Send the additions".
supplement-closed = This application no longer waits for additions.
supplement-incomplete = Something the agency asks for still has no valid answer or no file. Please see the marked items below.
supplement-files-hint = If the agency asks for a new photo of a document, press "Replace the file" and choose the new one.
supplement-send = Send the additions
supplement-later = Later

result-title = Result
result-kept = Downloaded and checked
result-open = Open
result-downloading = Downloading…
result-paper = Paper copy: collect it from { $date }.
result-paper-place = Where:
result-paper-hours = Opening hours:
result-paper-bring = Bring:

receipt-show = Show the e-receipt
receipt-hide = Hide the receipt
receipt-form = Form
receipt-series = Series
receipt-number = Number
receipt-collector = Collected by
receipt-tax-code = Tax code
receipt-payer = Paid by
receipt-dossier = Application code
receipt-issued = Issued
receipt-line = Item
receipt-amount = Amount
receipt-in-words = In words (Vietnamese)
receipt-total = Total
receipt-signed-by = Signed by: { $name } (digital signature)
receipt-signature-ok = The portal's digital signature on the receipt is valid.
receipt-signature-bad = The digital signature on this receipt could not be verified. Contact the collecting agency before using it.
receipt-amounts-ok = The items add up to the total, and every amount in figures matches its words.
receipt-amounts-bad = The amounts on the receipt do not match (figures, words or total). Contact the collecting agency.
receipt-print = Print the receipt

withdraw-start = Withdraw the application
withdraw-reason-label = Why do you withdraw it?
withdraw-reason-hint = The agency stops handling it and sends a notice. You can withdraw only before a result.
withdraw-send = Send the request to withdraw
withdraw-cancel = Do not withdraw
withdraw-sending = The request to withdraw waits to be sent.
withdraw-refused = The request to withdraw was not accepted.
withdraw-notice-title = Notice of stopped handling no. { $number }
withdraw-notice-by = Issued by:

rating-start = Rate your satisfaction
rating-title = Rate how your application was handled
rating-intro = Each application can be rated once. Choose one answer for each question.
rating-criterion-1 = Total handling time compared with the legal time limit
rating-criterion-2 = Each agency's handling time compared with its limit
rating-criterion-3 = How many times you had to get in touch to complete the application (none is good)
rating-criterion-4 = How many agencies you had to deal with (one is good)
rating-criterion-5 = Filing and collecting at one place (the one-stop desk)
rating-criterion-6 = How clearly the procedure is published (complete, easy to find)
rating-criterion-7 = Staff attitude when guiding, receiving and handling
rating-criterion-8 = How feedback was received and answered
rating-criterion-9 = How the progress was updated online
rating-points-2 = Good
rating-points-1 = Acceptable
rating-points-0 = Not acceptable
rating-ease = How easy the procedure was
rating-overall = Overall satisfaction
rating-level-very_satisfied = Very satisfied
rating-level-satisfied = Satisfied
rating-level-dissatisfied = Not satisfied
rating-comment = Anything else (optional)
rating-send = Send the rating
rating-cancel = Later
rating-sending = The rating waits to be sent.
rating-given = You rated it on { $when }: { $overall }.

feedback-title = Feedback
feedback-intro = Send feedback about an application (delays, staff attitude, requests the rules do not allow) or about a procedure in general. The portal gives it a code so you can follow the answer.
feedback-about = About
feedback-about-general = A procedure or the service in general
feedback-about-dossier = Application { $code }
feedback-subject = Title
feedback-content = What happened
feedback-with-files = Attach files (chosen when you press send; up to 5 PDF, JPG or PNG files, 10 MB each)
feedback-send = Send feedback
feedback-queued = Your feedback is queued to be sent.
feedback-sending = { $count ->
    [one] One feedback waits to be sent.
   *[other] { $count } feedbacks wait to be sent.
}
feedback-refused = A feedback was not accepted.
feedback-code = Feedback code: { $code }
feedback-files = { $count ->
    [one] 1 attached file
   *[other] { $count } attached files
}
feedback-answer-by = Answer from { $by } on { $when }:
feedback-no-answer = No answer yet.

## Support

support-copy = Copy support information
support-hint = For a call to support: the version, settings, connection and recent errors, with no personal data.
support-copied = Support information copied. Paste it into your message to support.
support-copy-manual = It could not be copied automatically. Select all of the text below and copy it:

# Portrait photos (passport, ID card, driving licence): checking a picked photo.
photo-rules = A { $width_cm } × { $height_cm } cm photo, at least { $min_width } × { $min_height } pixels, a file of at most { $max_kb } KB{ $plain ->
    [yes] , on a white or light plain background.
   *[no] .
}
photo-ok = The photo meets the size, shape and background rules.
photo-problems-title = This photo does not meet the rules yet, and the portal may refuse it:
photo-unreadable = The photo cannot be read. Please choose another JPEG or PNG file.
photo-too-few-pixels = The photo is too small: { $width } × { $height } pixels, at least { $min_width } × { $min_height } are needed. Please take it again at a higher resolution.
photo-wrong-shape = The photo is not { $width_cm } × { $height_cm } cm in shape (portrait, the short side across).
photo-too-large = The photo file is { $size_kb } KB, over the { $max_kb } KB limit.
photo-dark-background = The background is too dark. Please take the photo again against a white, well-lit wall or backdrop.
photo-busy-background = The background is not plain (patterns, objects or shadows). Please take the photo again against a plain white background.
photo-fix = Crop and shrink the photo to the rules
photo-fixing = Cropping and shrinking the photo…
photo-fixed = Replaced by the cropped and shrunk photo: { $name }. Your original photo file on this computer is unchanged.

# Sending a dossier's files: progress, and a file that stopped halfway.
upload-progress = Sending file { $file } of { $files } — { $sent } of { $total }
upload-progress-label = File upload progress
upload-stalled = File { $file } of { $files } stopped going out (a slow or broken connection). The app will send it again from this file; the files already sent are kept.

## Updates of the app itself
update-title = Version { $version } is available
update-current = You are using version { $current }.
update-published = Released on { $date }.
update-notes = What is new
update-kept = Installing it keeps your drafts, dossiers and saved details. The app installs it only if you agree.
update-install = Install the new version
update-later = Later
update-retry = Try again
update-close = Close
update-downloading-start = Starting the download…
update-downloading = Downloading the update — { $received }/{ $total }
update-downloading-unknown = Downloading the update — { $received } received
update-progress-label = Update download progress
update-installed-title = Version { $version } is installed
update-installed = Restart the app to use the new version. If you do not restart now, it runs the next time the app opens.
update-restart = Restart now
update-failed-title = Could not check for updates
update-check = Check for updates
update-latest = You are using the latest version.

## What-to-bring checklist (printed or saved as PDF)

checklist-title = What to bring: { $name }
checklist-code = Procedure code: { $code }
checklist-agency = Receiving agency
checklist-time = Processing time
checklist-fee = Fees
checklist-fee-counter = in person: { $fee }
checklist-documents = Documents
checklist-conditional = (only in some cases)
checklist-notes = Notes
checklist-footer = Printed from the Public Service Assistant on { $date }. Details can change; ask the receiving office before you file.
checklist-save = Save the document checklist (PDF)
checklist-saved = The document checklist is saved.

## One-stop desk (officer mode)

desk-title = One-stop desk
desk-intro = The receiving unit this computer serves. Every action an officer takes on a citizen's data is written to the activity log with the officer's account.
desk-officer-only = This page is for one-stop desk officers. Sign in with an officer's account to set up the desk.
desk-unit-heading = Receiving unit
desk-name = Unit name
desk-name-hint = For example: One-stop section of the Ba Đình ward People's Committee, or the provincial Public Administration Service Centre.
desk-province = Province or city
desk-province-choose = Choose a province or city
desk-commune = Commune, ward or special zone
desk-commune-hint = Leave empty for a desk of the provincial Public Administration Service Centre.
desk-commune-none = None (provincial desk)
desk-place = Area
desk-save = Save the desk
desk-saved = Saved the desk { $name }.
desk-edit = Edit the desk
desk-cancel = Cancel
audit-title = Activity log
audit-intro = The app logs every action on a dossier: when, what was done and the officer's account, never what the citizen declared. Entries are chained with hashes, so an entry that was changed or deleted is found by the check. The app checks the log each time it opens.
audit-check = Check the log
audit-intact = The log is intact: { $entries } entries, none changed or deleted.
audit-export = Export the log (CSV) for an inspection
audit-exported = The log file was saved.

## Serving citizens (officer mode)

session-title = Serve a citizen
session-intro = Each citizen is served in a session of their own: applications, attached papers and saved people made in a session show only while that session is served. When the session ends, the citizen's data is deleted from this computer as soon as all their applications have been sent.
session-today = Today's sessions
session-wiped-name = (data deleted)
session-id-tail = ID number …{ $tail }
session-started = Started at { $time }
session-state-serving = Being served
session-state-paused = Paused
session-state-waiting = { $count ->
        [0] Ended
       *[other] Ended; { $count } application(s) still waiting to be sent, the data is deleted right after
    }
session-state-wiped = Ended, data deleted from this computer
session-pause = Pause the session
session-resume = Serve again
session-end = End the session
session-paused = Paused the session of { $name }.
session-resumed = Serving { $name }.
session-ended = Ended the session of { $name }.
session-end-title = End the session of { $name }?
session-end-body = { $count ->
        [one] The citizen's application will be deleted from this computer (one still waiting is kept until it is sent). The register keeps only the dossier code, the procedure and the times.
       *[other] The citizen's { $count } applications will be deleted from this computer (those still waiting are kept until they are sent). The register keeps only the dossier code, the procedure and the times.
    }
session-end-body-empty = The citizen's details will be deleted from this computer.
session-end-confirm = End and delete the data
session-end-cancel = Go back
session-new = Serve a new citizen
session-name = Full name
session-name-hint = With diacritics, as on the ID card.
session-citizen-id = Personal identification number
session-citizen-id-hint = 12 digits, printed on the ID card.
session-birth-date = Date of birth
session-birth-date-hint = As day/month/year, for example 05/09/1990.
session-check-values = Please check the citizen's details.
session-consent-title = Consent to processing personal data
session-consent-text = The officer reads to the citizen: “To help you prepare and submit your application, I will enter your name, identification number, date of birth, answers and papers on this computer. The data is used only for this application, is encrypted on this computer, and is deleted from it when the session ends, right after the application has been sent to the public service portal; the desk's register keeps only the dossier code, the procedure's name and the times. You have the right to know, to agree or refuse, and to withdraw your consent under the Law on Personal Data Protection.”
session-consent-check = The citizen has heard (or read) the text above and agrees.
session-start = Start serving

## Dossier receipt and appointment slip (printed)

slip-save = Print the receipt and appointment slip (PDF)
slip-saved = Saved the receipt slip of dossier { $code }.
slip-motto-1 = SOCIALIST REPUBLIC OF VIETNAM
slip-motto-2 = Independence - Freedom - Happiness
slip-number = No.: ........../TN
slip-place-date = { $place }, { $day }/{ $month }/{ $year }
slip-title = DOSSIER RECEIPT AND APPOINTMENT SLIP
slip-code = Dossier code
slip-received-from = { $desk } received the dossier of:
slip-applicant = Mr/Ms
slip-citizen-id = Personal identification number
slip-address = Address
slip-phone = Phone number
slip-email = Email
slip-not-given = (not given)
slip-request = Request
slip-documents = Documents handed in:
slip-sets = Number of sets
slip-sets-value = 01
slip-time-limit = Time limit set by law
slip-received-at = Received at
slip-time = { $hour }:{ $minute }, { $date }
slip-due = Result due
slip-due-later = the agency will set the day and tell the applicant
slip-pickup = Result to be collected at
slip-pickup-value = the receiving desk, or as chosen in the dossier
slip-register = Entered in the dossier register, book no. ......, entry no. ......
slip-qr = The QR code in the top right corner holds the dossier code, to look the dossier up.
slip-sign-applicant = APPLICANT
slip-sign-receiver = RECEIVING OFFICER
slip-sign-hint = (Signature and full name)
slip-copy-desk = Copy 1: kept at the receiving desk.
slip-copy-applicant = Copy 2: for the applicant.
