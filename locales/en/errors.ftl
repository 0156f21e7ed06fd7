# Messages shown when an answer is checked, and application errors.

error-required = Please answer this question.
error-answer-kind = This answer is not in the expected form. Please enter it again.
error-text-too-long = This is { $length } characters long; the limit is { $limit }. Please shorten it.
error-citizen-id-format = The personal identification number has exactly 12 digits (you entered { $count }). Please enter all 12 digits printed on the ID card.
error-citizen-id-character = A personal identification number has digits only; “{ $character }” cannot be used. Type the 12 digits together, or separated by dots or spaces.
warning-citizen-id-abroad = The first three digits ({ $code }) are not a province code. If your birth was registered abroad they are a country code and the number is right; otherwise, please check the number on the ID card.
error-citizen-id-holder-sex = The 4th digit of this number says it belongs to { $encoded ->
        [male] a man
       *[female] a woman
    }, but this question asks for the number of { $expected ->
        [male] a man
       *[female] a woman
    }. Please check it: it may be someone else's number.
error-citizen-id-birth-year = This number belongs to someone born in { $encoded }, but the date of birth given is in { $entered }. Please check one of them.
error-citizen-id-birth-year-future = This number gives a year of birth of { $encoded }, which has not come yet. Please check digits 4 to 6.
error-citizen-id-sex = The 4th digit of this number says the holder is { $encoded ->
        [male] male
       *[female] female
    }, which differs from the sex given. Please check it.
error-phone-format = Please enter a 10-digit mobile number starting with 03, 05, 07, 08 or 09, e.g. 0912345678 (+84 at the start is fine). Landline numbers cannot be used.
error-phone-length = A mobile number has 10 digits (you entered { $count }). Please check it.
error-email-format = The e-mail address is not right. Please check it, for example: name@gmail.com.
error-date-format = Please type the date as day/month/year, for example 05/09/2024.
error-date-year = Please write the year with 4 digits, for example 2024.
error-date-too-early = The year { $year } is before 1900; the app takes no date before 1900. Please check the year.
error-date-not-on-calendar = { $value } is not a date on the calendar. Please check the day and the month.
error-date-future = This date has not come yet (today is { $today }). Please check it.
error-name-letters = A name has only letters, spaces, apostrophes (') and hyphens (-). Please remove “{ $character }”.
error-name-full = Please write the full name: family name, middle name (if any) and given name, e.g. Nguyễn Thị Lan.
error-name-typing = “{ $word }” looks as if it was typed with the Vietnamese keyboard off. Please switch it on and type the name again.
warning-name-no-diacritics = This name has no Vietnamese diacritics. If it has any, please write them as on the ID card; if it really has none, just go on.
error-choice-unknown = Please choose one of the options.
error-number-format = Please enter digits only.
error-number-min = The smallest number allowed is { $min }.
error-number-max = The largest number allowed is { $max }.
error-address-province = Please choose the province or city.
error-address-commune = Please choose a commune, ward or special zone of the chosen province.
error-address-street = Please give the house number and street, or the village, hamlet or residential group.

# Application errors (not tied to a question).
error-procedure-not-found = Procedure { $code } was not found. The catalog may have been updated; please search again.
error-catalog = The procedure catalog that ships with the app is damaged, so it cannot open. Please reinstall the app or contact support.
error-unexpected = Something unexpected went wrong. What you entered is still here; please try again.

# Errors of the local database and of attachments.
error-store-too-new = The data on this computer was written by a newer version of the app. Please update the app to the latest version; your data is kept as it is.
error-store-locked = The data is in use by another program (perhaps the app is open in another window). Please close it and try again; what you just entered is still on screen.
error-store-disk-full = The computer's disk is full, so this was not saved. Please delete files you no longer need, then press “Try again”; what you just entered is still on screen.
error-store-io = The app cannot read or write the folder where it keeps its data, { $path }. Please ask support staff to check it.
error-store-failed = The app ran into a problem while saving data on this computer. What you just entered is still on screen; please try again. If it still fails, ask support staff to check it.
error-store-set-aside = The old data file was damaged, so the app put it aside at { $path } (it was not deleted) and started with fresh data. Support staff can help you recover from that file.
error-not-found = { $what ->
        [draft] This draft
        [profile] This saved person
        [submission] This submission
       *[other] This attachment
    } was not found; it may have been deleted already.
error-profile-value = Some details are not right, so the saved person was not saved. Please correct the marked fields below.
error-attachment-kind = This file is not a { $accepted } (the app checks the content, not the file name's ending). Please choose the right photo or scan.
error-attachment-too-large = The file is { $size } MB, over the { $limit } MB allowed. Please scan it at a lower resolution or compress it.
error-attachment-truncated = The file is missing its end (a download or copy may not have finished). Please get the original file again and attach it.
error-attachment-name = The file name has characters that cannot be used (slashes or control characters). Please rename the file and attach it again.
error-attachment-empty = This file is empty. Please choose another file.
error-attachment-not-a-file = What you chose is not a regular file (it is a folder, a device or a pipe). Please choose the file itself.
error-attachment-missing = An attached file of a dossier waiting to be sent is missing or damaged on this computer. Please attach the file again and submit again.
error-procedure-mismatch = This draft belongs to another procedure. Please go back to the home page and open the draft again.

# Errors when the app starts and opens the data on this computer.
error-launch-portal-insecure = The configured portal address uses http:// without encryption, so the app does not connect, to protect your data. Only https:// addresses are allowed (and 127.0.0.1 for testing). Please ask IT support to fix TRO_LY_PORTAL_URL.
error-launch-portal-url = The configured portal address (TRO_LY_PORTAL_URL) is not a valid address. Please ask IT support to check it.
error-launch-portal-key = The portal's signing key that is configured (TRO_LY_PORTAL_KEY) is not valid. Please ask IT support to check it.
error-launch-data-folder = The app could not find a folder to keep its data on this computer. Please ask IT support to name one with TRO_LY_DATA_DIR.
error-launch-training-portal = The training portal could not start. Your data is safe; please close the app and open it again.
error-payment-not-waiting = This application has no payment waiting, so there is no code to pay with.
error-payment-code-invalid = The payment code the portal sent { $reason ->
        [amount] asks for another amount than you owe
        [bill] does not name your application's code
        [checksum] has been altered
        [network] is not a NAPAS transfer code
       *[other] is not a valid VietQR code
    }, so the app does not show it. Please do not pay with it; contact the agency handling your application.
error-vault-passphrase-short = The passphrase must be at least { $min } characters long. Please choose a longer one.
error-vault-wrong-key = The passphrase is not right, or the data on this computer was locked with another passphrase. Please check the keyboard layout and Caps Lock, and type it again.
error-vault-keyring = The operating-system keyring did not answer. Please unlock it (or sign out of the computer and in again), then open the app again.

error-document-filled-by-app = The app fills in this form from your answers; no file is needed.
error-dossier-not-found = This application is not on this computer. Please open the list of submitted applications again.
error-supplement-not-open = This application no longer waits for additions, or they were already sent.
error-withdraw-reason = Please give a reason for withdrawing (at most 1,000 characters).
error-withdraw-too-late = The application already has a result or was stopped, so it can no longer be withdrawn.
error-rating-incomplete = Please choose an answer for every question before sending the rating.
error-rating-not-open = Only an application whose result was returned, and not yet rated, can be rated.
error-already-rated = This application was already rated and cannot be rated again. The first rating stands.
error-feedback-text = Please write a title (at most 200 characters) and the feedback (at most 5,000 characters); a feedback carries at most 5 files.
error-receipt-not-found = This application has no e-receipt yet.
error-result-not-found = The result file is not on this computer yet. Please wait for the app to download it, then try again.
error-result-no-viewer = No program on this computer opens the result file (usually a PDF). Install a PDF reader or ask support, then press "Open" again.
error-photo-too-small-to-fix = Cropped to the right shape, the photo would be smaller than the minimum, so the app cannot fix it. Please take the photo again at a higher resolution.
error-photo-cannot-fix = The app cannot fix this photo. Please choose or take another one.

## Updates: the version in use keeps working in every case.
error-update-unreachable = Could not check for updates: the update server did not answer. Please check the network connection and try again later.
error-update-signature = This update does not carry a valid signature from the developers, so the app did not install it. The version you use keeps working.
error-update-interrupted = The update's download was interrupted, so nothing was installed. The version you use keeps working; please try again when the connection is steady.
error-update-install = The app could not install the update (the computer may need an administrator). The version you use keeps working; please ask your IT staff to install it.
error-update-nothing-offered = No update is waiting to be installed. Please check for updates again.
error-form-not-drawn = The PDF could not be made. Please try again; if it still fails, tell the support team.
error-file-not-saved = The file could not be saved where you chose. Please choose another folder.
error-export-failed = The table could not be exported. Please try again; if it still fails, tell the support team.
error-not-officer = Only a one-stop desk officer's account can do this.
error-desk-not-set = The desk is not set up yet. Open “One-stop desk” and enter the unit's name and area before printing a slip.
error-consent-missing = The citizen's consent is needed before an officer handles their data. Read the consent text to the citizen and tick the box once they agree.
error-no-citizen-served = An officer files only for a citizen being served. Open “Serve a citizen” to record the citizen and their consent before submitting.
error-desk-invalid = { $field ->
        [name] Please enter the receiving unit's name (2 to 150 characters).
        [province] Please choose a province or city from the list.
       *[commune] The chosen commune or ward is not in this province or city. Please choose again.
    }
error-audit-log-broken = { $problem ->
        [changed] The activity log on this computer was altered at entry { $entry }.
        [removed] One or more entries of the activity log on this computer were deleted just before entry { $entry }.
       *[truncated] The last { $missing } entries of the activity log on this computer were deleted.
    } The app keeps logging. Tell the person in charge of the desk at once, and do not edit the data file yourself.
