# case: with -k a failure is told in its place and the other jobs still run
# run: -k
# parallel: -j4
all: one two three
one:
	@sleep 0.3; echo one
two:
	@echo two fails; exit 3
three:
	@echo three; touch three
