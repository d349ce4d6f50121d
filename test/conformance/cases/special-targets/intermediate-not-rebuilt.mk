# case: a missing intermediate is not rebuilt when the target is up to date
# sh: touch -d '2002-01-01 00:00' final
# sh: touch -d '2001-01-01 00:00' source
.INTERMEDIATE: mid
final: mid
	@echo 'remaking final'
mid: source
	@echo 'making mid'
	@touch $@
--- final
--- source
