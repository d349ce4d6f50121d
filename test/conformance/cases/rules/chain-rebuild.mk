# case: a changed leaf rebuilds the whole chain
# sh: touch -d '2001-01-01 00:00' a b
# sh: touch -d '2002-01-01 00:00' c
a: b
	@echo making a
	@touch a
b: c
	@echo making b
	@touch b
--- a
--- b
--- c
