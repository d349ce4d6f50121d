# case: the error line counts continued lines
X = a \
    b \
    c
oops
