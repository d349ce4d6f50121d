# case: $(@D) $(@F) $(<D) $(<F) $(^D) $(^F)
dir/out.x: src/a.c lib/b.c
	@echo '$(@D) $(@F)'
	@echo '$(<D) $(<F)'
	@echo '$(^D) $(^F)'
src/a.c lib/b.c:
	@:
