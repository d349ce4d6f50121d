# case: directives may be indented with spaces
A = 1
  ifeq ($(A),1)
    X = yes
  else
    X = no
  endif
all:
	@echo '$(X)'
