# case: a prerequisite whose recipe leaves it unchanged does not force its parent
# sh: touch -d '2001-01-01 00:00' a b
# sh: touch -d '2002-01-01 00:00' c
a: b
	@echo making a
b: c
	@echo making b
--- a
--- b
--- c
