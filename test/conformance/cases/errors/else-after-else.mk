# case: two else branches
ifdef X
else
else
endif
