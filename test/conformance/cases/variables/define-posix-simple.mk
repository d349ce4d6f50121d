# case: define ::= is simple too
B = early
define A ::=
[$(B)]
endef
B = late
all:
	@echo '$(A) $(flavor A)'
