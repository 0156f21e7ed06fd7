# Dossier statuses on the portal, notifications, and submission errors.

# The national portal's statuses (TrangThaiHoSo 1–10); "Sending attachments"
# is the app's own step, before the portal has the dossier.
dossier-status-awaiting_attachments = Sending attachments
dossier-status-submitted = Newly registered
dossier-status-received = Received
dossier-status-rejected = Not accepted
dossier-status-in_review = Being processed
dossier-status-supplement_required = More documents requested
dossier-status-payment_required = Fees to pay
dossier-status-withdrawn = Withdrawal requested
dossier-status-stopped = Processing stopped
dossier-status-result_ready = Processed
dossier-status-returned = Result returned

notification-status-title = Dossier { $code }
notification-status-body = New status: { $status } (on { $date }).

error-portal-offline = The public service portal cannot be reached. Your dossier is kept on this computer and goes out by itself when the connection is back.
error-portal-busy = The portal is overloaded. The app tries again by itself in { $seconds } seconds; you need not do anything.
error-portal-sign-in = Your session has expired. Please sign in again; dossiers waiting to go out are kept.
error-portal-refused = The public service portal did not accept this request. Please read the reason that follows, make the correction and send it again; for help, call the hotline 1800 1096. Reason: { $detail }
error-portal-failed = The portal has a problem. Your dossier is kept on this computer; the app will try again by itself.
error-portal-rule = This answer does not meet the procedure's rules. Please read the question (and its help, if any) carefully, then correct your answer.
error-draft-not-ready = Some questions are unanswered or not valid yet, or a document still needs its file. Please check before submitting.
error-draft-submitted = This dossier has been submitted and can no longer be changed. If something must change, please wait until the agency asks for additions, or contact the agency handling it.
error-portal-document-not-required = Your answers do not call for this document. Please remove the attached file.
error-portal-not-asked = The agency did not ask for this item; the additions hold only what the request lists.
error-portal-document-missing = The dossier has no file for this document. Please attach a photo or a scan and submit again.
error-portal-document-duplicate = This document is attached twice. Please keep one file.
error-portal-file-size = The attached file is larger than allowed. Please replace it with a smaller one.
error-portal-file-checksum = The attached file changed while it was being sent. Please attach it again.
error-portal-file-name = The attached file's name is not valid. Please rename the file and attach it again.
error-not-training = Test accounts work only in training mode. Please sign in through the browser with your electronic identity account.
error-portal-too-large = The portal refused an attached file as larger than it accepts. Please replace it with a smaller one (scan it at a lower resolution) and submit again.
