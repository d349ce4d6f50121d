# case: .SECONDEXPANSION gives $$@ in prerequisite lists
.SECONDEXPANSION:
all: a.x b.x
a.x b.x: $$@.in
	@echo '$@ needs $^'
--- a.x.in
--- b.x.in
