# case: else without a conditional
else
