"""Batches worked on in a second process: in order, with the child's failures
reaching the import instead of hanging it."""

import multiprocessing
import os
import pickle

from django.test import SimpleTestCase

from toasoan.importer.ahead import batches, worked_ahead


def _pid_and_sum(batch):
    return os.getpid(), sum(batch)


def _dies(batch):
    os._exit(3)


class _Unpicklable(Exception):
    def __reduce__(self):
        raise pickle.PicklingError("no")


def _broken_source():
    yield [1]
    raise ValueError("mục thứ hai hỏng")


class WorkedAheadTests(SimpleTestCase):
    def test_every_batch_in_order_worked_in_another_process(self):
        results = list(worked_ahead(batches(range(10), 3), _pid_and_sum))
        self.assertEqual([total for _pid, total in results], [3, 12, 21, 9])
        self.assertNotIn(os.getpid(), {pid for pid, _total in results})

    def test_a_failure_while_reading_reaches_the_import(self):
        results = worked_ahead(_broken_source(), sum)
        self.assertEqual(next(results), 1)
        with self.assertRaisesMessage(ValueError, "mục thứ hai hỏng"):
            next(results)

    def test_an_error_that_cannot_cross_processes_keeps_its_message(self):
        def source():
            raise _Unpicklable("lỗi riêng")
            yield

        with self.assertRaisesMessage(RuntimeError, "_Unpicklable: lỗi riêng"):
            list(worked_ahead(source(), sum))

    def test_a_child_that_dies_stops_the_import_instead_of_hanging_it(self):
        with self.assertRaisesMessage(RuntimeError, "tiến trình đọc tệp nguồn dừng bất thường"):
            list(worked_ahead(batches(range(4), 2), _dies))

    def test_stopping_early_ends_the_child(self):
        results = worked_ahead(batches(range(100), 1), sum)
        self.assertEqual(next(results), 0)
        results.close()  # the import stopped (an error of its own): no child is left
        self.assertEqual([child for child in multiprocessing.active_children()
                          if child.name == "toasoan-import-ahead"], [])
