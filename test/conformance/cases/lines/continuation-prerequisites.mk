# case: a prerequisite list can be continued over lines
all: a \
     b \
     c
	@echo 'all after $^'
a b c:
	@echo $@
