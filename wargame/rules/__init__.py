"""The rules, one module per mechanic family of the design.

Each module defines, for its orders, a legality check (`CHECKS`), the candidate orders a seat may
issue (`candidates`) and the phase functions that `resolve` calls in a fixed order.
"""
