# case: when a grouped recipe fails, -k does not try it again for the other targets
# run: -k
all: a b c
a b c &: ; @echo 'making for $@'; exit 1
