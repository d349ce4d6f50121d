# case: a prerequisite shared by two targets is made once, in its serial place
# parallel: -j4
all: left right
	@echo all from $^
left right: base
	@sleep 0.1; echo $@ after $<; touch $@
base:
	@echo making base; touch $@
