# case: a target depending on a phony target is always remade
# sh: touch -d '2002-01-01 00:00' out
.PHONY: always
out: always
	@echo remaking out
always:
	@echo always
--- out
