# case: several missing includes are all made before restarting
include one.mk two.mk
all:
	@echo '$(ONE) $(TWO)'
one.mk two.mk:
	@echo making $@
	@echo '$(basename $@) := $@' | tr a-z A-Z | sed 's/\.MK$$/.mk/' > $@
