# case: an intermediate file that already existed is not deleted
# sh: touch -d '2001-01-01 00:00' mid
.INTERMEDIATE: mid
final: mid
	@echo 'making final'
	@touch $@
--- mid
