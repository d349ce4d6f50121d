# case: a missing extra prerequisite is an error naming the target that needed it
# run:
# run: -k
.EXTRA_PREREQS = tick tack
.PHONY: all
all: ; @echo 'never'
