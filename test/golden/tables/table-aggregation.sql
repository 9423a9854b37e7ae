-- Aggregating a table: an update retracts the old row's contribution before adding the new one; a delete retracts it.
CREATE TABLE employees (id INT PRIMARY KEY, dept VARCHAR, salary INT)
  WITH (KAFKA_TOPIC = 'employees', PARTITIONS = 1, VALUE_FORMAT = 'JSON');

CREATE TABLE dept_payroll AS
  SELECT dept, COUNT(*) AS headcount, SUM(salary) AS payroll, AVG(salary) AS average
  FROM employees GROUP BY dept;

INSERT INTO employees (id, dept, salary) VALUES (1, 'eng', 100);
INSERT INTO employees (id, dept, salary) VALUES (2, 'eng', 120);
INSERT INTO employees (id, dept, salary) VALUES (3, 'ops', 80);
-- A raise: eng retracts 100 and adds 110 (one update of the group).
INSERT INTO employees (id, dept, salary) VALUES (1, 'eng', 110);
-- A move: eng loses employee 2, ops gains them (an update of each group).
INSERT INTO employees (id, dept, salary) VALUES (2, 'ops', 125);

SELECT * FROM dept_payroll;

-- A filtered copy of a table: rows that stop matching become tombstones.
CREATE TABLE well_paid AS SELECT id, dept, salary FROM employees WHERE salary >= 110;
INSERT INTO employees (id, dept, salary) VALUES (1, 'eng', 90);
INSERT INTO employees (id, dept, salary) VALUES (3, 'ops', 200);
SELECT * FROM well_paid;

-- A table declared over the filtered table's topic reads its tombstones as deletes.
CREATE SOURCE TABLE well_paid_copy (id INT PRIMARY KEY, dept VARCHAR, salary INT)
  WITH (KAFKA_TOPIC = 'WELL_PAID', VALUE_FORMAT = 'JSON');
SELECT * FROM well_paid_copy;
-- An aggregate of that table: the delete retracts employee 1 from eng.
CREATE TABLE well_paid_depts AS SELECT dept, COUNT(*) AS n FROM well_paid_copy GROUP BY dept;
SELECT * FROM well_paid_depts;
INSERT INTO well_paid_copy (id, dept, salary) VALUES (9, 'x', 1);
EXPLAIN CTAS_DEPT_PAYROLL_2;

-- Errors: MIN/MAX cannot take back a row; windows are for streams; DROP refused while used.
SELECT dept, MIN(salary) FROM employees GROUP BY dept EMIT CHANGES;
SELECT dept, COUNT(*) FROM employees WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY dept EMIT CHANGES;
CREATE STREAM s AS SELECT id, salary FROM employees;
DROP TABLE employees;
TERMINATE CTAS_WELL_PAID_DEPTS_5;
DROP TABLE well_paid_depts;
DROP TABLE well_paid_copy;
SHOW QUERIES;
