# case: include reads another makefile in place
X = before
include vars.mk
all:
	@echo '$(X) $(Y)'
--- vars.mk
Y = from-vars
