# type 别名语句
type Point = tuple
