# case: double-colon rules each have their own recipe
all:: ; @echo first
all:: ; @echo second
