# case: .NOTPARALLEL runs serially even with -j
# run: -j4
.NOTPARALLEL:
all: a b c
	@echo all
a b c:
	@echo $@ start
	@echo $@ end
