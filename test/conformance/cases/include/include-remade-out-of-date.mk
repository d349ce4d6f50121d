# case: an out-of-date included file is remade and re-read
# sh: touch -d '2001-01-01 00:00' gen.mk
# sh: touch -d '2002-01-01 00:00' gen.in
include gen.mk
all:
	@echo 'GEN=$(GEN)'
gen.mk: gen.in
	@echo making $@
	@sed 's/old/new/' gen.in > $@
--- gen.mk
GEN = stale
--- gen.in
GEN = old
