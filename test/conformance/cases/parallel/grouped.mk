# case: a grouped rule runs once though its targets are needed at once
# parallel: -j4
all: a b c
a b c &: src
	@sleep 0.1; echo one run for $@; touch a b c
--- src
