# case: endif without a conditional
X = 1
endif
