# case: an up-to-date included file is not remade
# sh: touch -d '2002-01-01 00:00' gen.mk
# sh: touch -d '2001-01-01 00:00' gen.in
include gen.mk
all:
	@echo 'GEN=$(GEN)'
gen.mk: gen.in
	@echo making $@
	@cp gen.in $@
--- gen.mk
GEN = current
--- gen.in
GEN = input
