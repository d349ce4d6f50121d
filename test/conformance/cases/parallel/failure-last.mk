# case: the serially last job fails: no "Waiting for unfinished jobs"
# parallel: -j4
all: one two bad
one two:
	@sleep 0.2; echo $@; touch $@
bad:
	@echo bad; false
