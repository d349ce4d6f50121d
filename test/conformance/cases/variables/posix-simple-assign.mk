# case: ::= defines a simple variable like :=
B = early
A ::= [$(B)]
B = late
all:
	@echo '$(A) $(flavor A)'
