# The commands of "Your first service in 15 minutes", run verbatim by
# book/gen/tests/first_service.rs in a fresh directory.

# ANCHOR: folder
mkdir report-a-pothole
cd report-a-pothole
# ANCHOR_END: folder

# ANCHOR: check
civic forms check report-a-pothole.yaml
# ANCHOR_END: check

# ANCHOR: serve
civic forms serve report-a-pothole.yaml
# ANCHOR_END: serve
