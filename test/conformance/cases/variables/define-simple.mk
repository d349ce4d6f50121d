# case: define := expands the body at once
B = early
define A :=
[$(B)]
endef
B = late
all:
	@echo '$(A) $(flavor A)'
